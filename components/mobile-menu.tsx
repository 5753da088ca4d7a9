"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { createContext, lazy, Suspense, useContext, useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** What a link in the open menu tells it: the visitor is moving on (close, and leave focus to the new page). */
export const MobileMenuContext = createContext<{ navigated: () => void }>({ navigated: () => {} });

const load = () => import("./mobile-menu-panel");
const MobileMenuPanel = lazy(() => load().then((m) => ({ default: m.MobileMenuPanel })));

/** The menu button's look, the same before and after the panel has loaded. */
export function MenuButton(props: ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu" aria-haspopup="dialog" {...props}>
      <Menu aria-hidden="true" />
    </Button>
  );
}

type Props = { brand: ReactNode; description: string; headerClassName?: string; children: ReactNode };

/**
 * The menu below `md` of the marketing site and of the app. Its panel (a Radix dialog) loads when the button is
 * touched or pressed, not with the page: most visitors never open it. `headerClassName` matches the panel's top
 * row to the bar it opens from.
 */
export function MobileMenu(props: Props) {
  const [opened, setOpened] = useState(false);
  const button = <MenuButton onPointerDown={() => void load()} onClick={() => setOpened(true)} />;
  if (!opened) return button;
  return (
    <Suspense fallback={button}>
      <MobileMenuPanel {...props} />
    </Suspense>
  );
}

/** The menu's link look: large, muted until hovered or current. */
export const mobileMenuLinkClass =
  "flex items-center gap-2 rounded-md px-2 py-3 text-base font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring aria-[current=page]:text-foreground";

/** A link in the menu: following it closes the menu and leaves focus where the new page puts it. */
export function MobileMenuLink({ href, current, className, children }: { href: string; current?: boolean; className?: string; children: ReactNode }) {
  const { navigated } = useContext(MobileMenuContext);
  return (
    <Link href={href} aria-current={current ? "page" : undefined} onClick={navigated} className={className ?? mobileMenuLinkClass}>
      {children}
    </Link>
  );
}
