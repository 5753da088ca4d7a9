import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { UsageChart } from "@/components/usage/usage-chart";
import { hasTwoFactor } from "@/lib/auth/two-factor/status";
import { appUrl } from "@/lib/env";
import { orgPage } from "@/lib/org-page";
import { can } from "@/lib/orgs/permissions";
import { usageThisMonth } from "@/lib/usage/usage-this-month";
import { ChangeSlugForm, DeleteOrgForm, RenameOrgForm, TwoFactorRequirementForm } from "./_components/general-forms";

export const metadata: Metadata = { title: "Settings" };

/** General settings: name, address, two-factor requirement, API usage this month, and deleting the organization. */
export default orgPage({ load: (tx, { org }) => usageThisMonth(tx, org) }, async ({ org, data: usage }) => {
  const origin = appUrl();
  const ownTwoFactor = await hasTwoFactor(org.userId);
  const canUpdate = can(org.role, "org:update");

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Organization name</CardTitle>
          <CardDescription>Shown to members, in invitations and on invoices.</CardDescription>
        </CardHeader>
        <CardContent>{canUpdate ? <RenameOrgForm slug={org.slug} name={org.name} /> : <p className="text-sm">{org.name}</p>}</CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Address</CardTitle>
          <CardDescription>The part of every link after {origin}/.</CardDescription>
        </CardHeader>
        <CardContent>{canUpdate ? <ChangeSlugForm slug={org.slug} origin={origin} /> : <p className="font-mono text-sm">{org.slug}</p>}</CardContent>
      </Card>
      {can(org.role, "org:security") ? (
        <Card>
          <CardHeader>
            <CardTitle>Two-factor authentication</CardTitle>
            <CardDescription>Members without it are sent to set it up before they can open {org.name}.</CardDescription>
          </CardHeader>
          <CardContent>
            <TwoFactorRequirementForm slug={org.slug} required={Boolean(org.requireTwoFactor)} ownTwoFactor={ownTwoFactor} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>API usage</CardTitle>
          <CardDescription>
            Requests to the Keel API this month, against what the plan includes.
            {can(org.role, "billing:manage") ? (
              <>
                {" "}
                <Link href={`/${org.slug}/settings/billing`} className="font-medium text-foreground underline underline-offset-4">
                  Upgrade
                </Link>{" "}
                for more.
              </>
            ) : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <UsageChart {...usage} />
        </CardContent>
      </Card>
      {can(org.role, "org:delete") ? (
        <Card className="border-destructive/40">
          <CardHeader>
            <CardTitle className="text-destructive">Delete organization</CardTitle>
            <CardDescription>Permanently deletes {org.name}, its projects, members and history for everyone. This cannot be undone.</CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteOrgForm slug={org.slug} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
});
