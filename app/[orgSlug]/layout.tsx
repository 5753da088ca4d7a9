import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireSession } from "@/lib/auth/session";
import { myOrgs, requireOrgContext } from "@/lib/orgs/membership";

/** Every organization page: signed in (else sign-in), a member (else 404), inside the app shell. */
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const session = await requireSession();
  const org = await requireOrgContext(session.user.id, orgSlug);
  const orgs = await myOrgs(session.user.id);
  return (
    <AppShell org={org} orgs={orgs} user={session.user}>
      {children}
    </AppShell>
  );
}
