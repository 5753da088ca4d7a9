import type { ReactNode } from "react";
import { UserMenu, type ShellUser } from "@/components/app-shell/user-menu";
import { Logo } from "@/components/marketing/logo";
import { SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { TopBar } from "@/components/top-bar";
import { cn } from "@/lib/utils";

/**
 * The signed-in frame of the pages outside any organization (account, admin): logo and section name, theme and
 * account menu, and `aside` (the section's navigation) beside the page from `md` up, above it on a phone.
 */
export function SectionShell({
  section,
  user,
  wide = false,
  banner,
  aside,
  children,
}: {
  section: string;
  user: ShellUser;
  /** Admin tables and charts want the room. */
  wide?: boolean;
  /** Above the top bar (the impersonation banner). */
  banner?: ReactNode;
  aside: ReactNode;
  children: ReactNode;
}) {
  const width = wide ? "max-w-7xl" : "max-w-5xl";
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      {banner}
      <TopBar className={cn("flex h-14 items-center gap-3", width)}>
        <Logo />
        <span aria-hidden="true" className="text-border">
          /
        </span>
        <span className="text-sm font-medium">{section}</span>
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle />
          <UserMenu user={user} />
        </div>
      </TopBar>
      {/* minmax(0, 1fr), not auto: a scrolling tab row must not widen the page on a phone. */}
      <div
        className={cn(
          "mx-auto grid w-full flex-1 grid-cols-1 content-start gap-8 px-4 py-8 sm:px-6 md:grid-cols-[12rem_minmax(0,1fr)] lg:px-8",
          width,
        )}
      >
        <aside className="grid min-w-0 grid-cols-1 content-start gap-6">{aside}</aside>
        <main id="main" tabIndex={-1} className="min-w-0 outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
