"use client";

import { useTheme } from "next-themes";
import { usePathname } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { FLASH_COOKIE, flashMessages } from "@/lib/flash-messages";

type Sonner = typeof import("sonner");

// Most pages never show a toast (the marketing pages, most reads): sonner loads with the first message, not with
// every page. Messages wait here until it has loaded and its <Toaster> has mounted.
let queue: string[] = [];
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));
const queued = () => queue.length;
const setQueue = (next: string[]) => {
  queue = next;
  for (const listener of listeners) listener();
};
let loaded: Sonner | undefined;
let loading: Promise<Sonner> | undefined;

/** Shows a success message for a few seconds (announced politely to screen readers). */
export function notifySuccess(message: string): void {
  setQueue([...queue, message]);
}

/** A message a server action left for this page before redirecting here (`flash()` in lib/flash.ts), shown once. */
function useFlash() {
  const pathname = usePathname();
  useEffect(() => {
    const match = document.cookie.split("; ").find((c) => c.startsWith(`${FLASH_COOKIE}=`));
    if (!match) return;
    document.cookie = `${FLASH_COOKIE}=; path=/; max-age=0; samesite=lax`;
    const key = decodeURIComponent(match.slice(FLASH_COOKIE.length + 1));
    if (Object.hasOwn(flashMessages, key)) notifySuccess(flashMessages[key as keyof typeof flashMessages]);
  }, [pathname]);
}

/**
 * The one place transient messages are shown: success toasts that go away by themselves. Errors stay inline,
 * next to what caused them (`FormMessage`, `FormField`), and never become toasts.
 */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  const waiting = useSyncExternalStore(subscribe, queued, () => 0);
  const [sonner, setSonner] = useState<Sonner | undefined>(loaded);
  useFlash();

  useEffect(() => {
    if (!waiting || sonner) return;
    loading ??= import("sonner").then((mod) => (loaded = mod));
    void loading.then(setSonner);
  }, [waiting, sonner]);

  // After sonner's <Toaster> mounted (its effects, which subscribe to toasts, run before this parent's).
  useEffect(() => {
    if (!sonner || !waiting) return;
    const messages = queue;
    setQueue([]);
    for (const message of messages) sonner.toast.success(message);
  }, [sonner, waiting]);

  if (!sonner) return null;
  return <sonner.Toaster theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" closeButton duration={5000} />;
}
