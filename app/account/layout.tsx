import { ArrowRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { ImpersonationBanner } from "@/components/impersonation/impersonation-banner";
import { SectionShell } from "@/components/section-shell";
import { SideNav } from "@/components/side-nav";
import { requireSession } from "@/lib/auth/session";
import { myOrgs } from "@/lib/orgs/membership";

const accountLinks = [
  { href: "/account", label: "Profile", exact: true },
  { href: "/account/security", label: "Security" },
  { href: "/account/data", label: "Data" },
];

/** The signed-in shell of a person's own pages (profile, security, data), outside any organization. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const orgs = await myOrgs(session.user.id);
  return (
    <SectionShell
      section="Account"
      user={session.user}
      banner={<ImpersonationBanner session={session} />}
      aside={
        <>
          <SideNav label="Account" links={accountLinks} />
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
        </>
      }
    >
      {children}
    </SectionShell>
  );
}
