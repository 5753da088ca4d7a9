import type { ReactNode } from "react";
import { UserMenu } from "@/components/app-shell/user-menu";
import { Logo } from "@/components/marketing/logo";
import { SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { TopBar } from "@/components/top-bar";
import { requireAdmin } from "@/lib/admin/require-admin";
import { AdminNav } from "./_components/admin-nav";

/** The admin console's shell, for platform admins only (everyone else gets the 404 page, here and on each page). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireAdmin();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <TopBar className="flex h-14 max-w-7xl items-center gap-3">
        <Logo />
        <span aria-hidden="true" className="text-border">
          /
        </span>
        <span className="text-sm font-medium">Admin</span>
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle />
          <UserMenu user={session.user} />
        </div>
      </TopBar>
      <div className="mx-auto grid w-full max-w-7xl flex-1 grid-cols-1 content-start gap-8 px-4 py-8 sm:px-6 md:grid-cols-[12rem_minmax(0,1fr)] lg:px-8">
        <aside className="min-w-0 content-start">
          <AdminNav />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
