"use client";

import { useTheme } from "next-themes";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { Toaster as Sonner, toast } from "sonner";
import { FLASH_COOKIE, flashMessages } from "@/lib/flash-messages";

/** Shows a success message for a few seconds (announced politely to screen readers). */
export function notifySuccess(message: string): void {
  toast.success(message);
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
  useFlash();
  return <Sonner theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" closeButton duration={5000} />;
}
