import type { ReactNode } from "react";
import { Logo } from "@/components/marketing/logo";
import { SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { TopBar } from "@/components/top-bar";
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
      <SkipLink />
      <TopBar className="flex h-14 max-w-6xl items-center gap-2 sm:gap-4">
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
      </TopBar>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
