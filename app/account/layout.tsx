import { ArrowRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/app-shell/user-menu";
import { ImpersonationBanner } from "@/components/impersonation/impersonation-banner";
import { Logo } from "@/components/marketing/logo";
import { SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { TopBar } from "@/components/top-bar";
import { requireSession } from "@/lib/auth/session";
import { myOrgs } from "@/lib/orgs/membership";
import { AccountNav } from "./_components/account-nav";

/** The signed-in shell of a person's own pages (profile, security, data), outside any organization. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const orgs = await myOrgs(session.user.id);
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <ImpersonationBanner session={session} />
      <TopBar className="flex h-14 max-w-5xl items-center gap-3">
        <Logo />
        <span aria-hidden="true" className="text-border">
          /
        </span>
        <span className="text-sm font-medium">Account</span>
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle />
          <UserMenu user={session.user} />
        </div>
      </TopBar>
      <div className="mx-auto grid w-full max-w-5xl flex-1 grid-cols-1 gap-8 px-4 py-8 sm:px-6 md:grid-cols-[12rem_minmax(0,1fr)] lg:px-8">
        <aside className="grid content-start gap-6">
          <AccountNav />
          {orgs.length ? (
            <div className="hidden md:block">
              <h2 className="px-3 text-xs font-medium tracking-wide text-muted-foreground uppercase">Your organizations</h2>
              <ul className="mt-2 grid gap-0.5">
                {orgs.map((org) => (
                  <li key={org.id}>
                    <Link
                      href={`/${org.slug}`}
                      className="group flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm text-muted-foreground outline-none hover:bg-accent/60 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <span className="truncate">{org.name}</span>
                      <ArrowRight className="size-3.5 shrink-0 opacity-0 transition-opacity group-hover:opacity-100" aria-hidden />
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
