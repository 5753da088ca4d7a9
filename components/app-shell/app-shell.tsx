import type { ReactNode } from "react";
import { Logo } from "@/components/marketing/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import type { OrgContext } from "@/lib/orgs/membership";
import { MainNav } from "./main-nav";
import { MobileAppNav } from "./mobile-app-nav";
import { appNavLinks } from "./nav-links";
import { OrgSwitcher, type SwitcherOrg } from "./org-switcher";
import { UserMenu, type ShellUser } from "./user-menu";

/** The signed-in frame of every organization page: logo, organization switcher, sections, theme and account menu. */
export function AppShell({
  org,
  orgs,
  user,
  children,
}: {
  org: OrgContext;
  orgs: SwitcherOrg[];
  user: ShellUser;
  children: ReactNode;
}) {
  const links = appNavLinks(org.slug, org.role);
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="fixed top-3 left-3 z-[60] -translate-y-[200%] rounded-md border bg-background px-3 py-2 text-sm font-medium shadow-md outline-none focus:translate-y-0 focus-visible:ring-2 focus-visible:ring-ring"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-border/70 bg-background/80 backdrop-blur-md supports-[backdrop-filter]:bg-background/70">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6 lg:px-8">
          <Logo className="[&>span:not(.sr-only)]:hidden sm:[&>span:not(.sr-only)]:inline" />
          <span aria-hidden="true" className="text-border">
            /
          </span>
          <OrgSwitcher current={{ slug: org.slug, name: org.name }} orgs={orgs} />
          <MainNav links={links} />
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu user={user} />
            <MobileAppNav links={links} orgs={orgs} currentSlug={org.slug} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
