import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { PastDueBanner } from "@/components/billing/past-due-banner";
import { FlagsProvider } from "@/components/flags/flags-provider";
import { ImpersonationBanner } from "@/components/impersonation/impersonation-banner";
import { entitlementsOf } from "@/lib/billing/entitlements";
import { clientFlagsFor } from "@/lib/flags/client-flags";
import { requireOrg } from "@/lib/org-page";
import { myOrgs } from "@/lib/orgs/membership";
import { can } from "@/lib/orgs/permissions";

/** Every organization page: signed in (else sign-in), a member (else 404), inside the app shell. */
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { session, org } = await requireOrg(orgSlug);
  // Both through the cache: a warm page view costs no database round trip for them.
  const [orgs, entitlements] = await Promise.all([myOrgs(session.user.id), entitlementsOf(org.orgId)]);
  // Decided here for the client components of every page below; from this process's copy of the flags (no I/O when warm).
  const flags = await clientFlagsFor({ orgId: org.orgId, plan: entitlements.plan.id });
  return (
    <>
      <ImpersonationBanner session={session} />
      {entitlements.graceEndsAt ? (
        <PastDueBanner slug={org.slug} planName={entitlements.paidPlan.name} graceEndsAt={entitlements.graceEndsAt} canManage={can(org.role, "billing:manage")} />
      ) : null}
      <AppShell org={org} orgs={orgs} user={session.user}>
        <FlagsProvider flags={flags}>{children}</FlagsProvider>
      </AppShell>
    </>
  );
}
