"use client";

import { lazy, Suspense, useState } from "react";
import { ThemeButton } from "./theme-button";

const load = () => import("./theme-menu");
const ThemeMenu = lazy(() => load().then((m) => ({ default: m.ThemeMenu })));

/**
 * Light, dark or system theme. Every page has this button and few visitors use it, so its menu (Radix's dropdown,
 * with its positioning engine) loads when the pointer comes near or it is pressed, and then opens at once.
 */
export function ThemeToggle() {
  const [opened, setOpened] = useState(false);
  const button = <ThemeButton onPointerEnter={() => void load()} onClick={() => setOpened(true)} />;
  if (!opened) return button;
  return (
    <Suspense fallback={button}>
      <ThemeMenu />
    </Suspense>
  );
}
