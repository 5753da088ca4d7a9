import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { KeelMark } from "@/components/marketing/logo";
import { SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { TopBar } from "@/components/top-bar";
import { Badge } from "@/components/ui/badge";
import { DevNav } from "./_components/dev-nav";

export const metadata: Metadata = {
  title: { default: "Dev tools", template: "%s · Keel dev tools" },
  robots: { index: false, follow: false },
};

// Each /dev page decides for itself whether it exists (the mailbox: outside production, or with
// EMAIL_TRANSPORT=dev-mailbox); this frame only says loudly that these are not product pages.
export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <TopBar className="max-w-6xl">
        <div className="flex h-14 items-center gap-3">
          <Link
            href="/"
            className="inline-flex items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-4 focus-visible:ring-offset-background"
          >
            <KeelMark />
            <span>Keel</span>
            <span className="sr-only">, home</span>
          </Link>
          <span aria-hidden="true" className="text-border">
            /
          </span>
          <span className="text-sm font-medium">Dev tools</span>
          <Badge
            variant="outline"
            className="border-amber-500/40 bg-amber-500/10 text-amber-800 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-300"
          >
            Development only
          </Badge>
          <div className="ml-auto">
            <ThemeToggle />
          </div>
        </div>
        <DevNav />
      </TopBar>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
