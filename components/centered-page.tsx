import type { ReactNode } from "react";
import { Logo } from "@/components/marketing/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { cn } from "@/lib/utils";

/**
 * The frame of the pages that stand alone, outside the app shell (sign-in and recovery, an invitation, creating an
 * organization): the logo and the theme toggle on top, one centered column.
 */
export function CenteredPage({ children, width = "sm" }: { children: ReactNode; width?: "sm" | "md" }) {
  return (
    <div className="flex min-h-dvh flex-col bg-muted/30">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <Logo />
        <ThemeToggle />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className={cn("w-full", width === "md" ? "max-w-md" : "max-w-sm")}>{children}</div>
      </main>
    </div>
  );
}
