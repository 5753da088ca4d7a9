import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireOrg } from "@/lib/org-page";
import { myOrgs } from "@/lib/orgs/membership";

/** Every organization page: signed in (else sign-in), a member (else 404), inside the app shell. */
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { session, org } = await requireOrg(orgSlug);
  const orgs = await myOrgs(session.user.id);
  return (
    <AppShell org={org} orgs={orgs} user={session.user}>
      {children}
    </AppShell>
  );
}
