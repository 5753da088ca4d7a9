import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { adminPage } from "@/lib/admin/admin-page";
import { USAGE_DAYS, loadOrgDetail } from "@/lib/admin/load-orgs";
import { planById, plans } from "@/lib/plans";
import { Cell, DataTable, Section } from "../../_components/data-table";
import { formatDay, formatMrr, formatWhen } from "../../_components/format";
import { RecentActivity } from "../../_components/recent-activity";
import { CompPlanForm } from "./_components/comp-plan-form";

export const metadata: Metadata = { title: "Organization · Admin" };

/** One organization: plan and subscription with its MRR changes, members, usage, recent audit entries, comp plan. */
export default adminPage(
  {
    name: "org detail",
    load: (tx, { params }: { params: { id: string } }) => loadOrgDetail(tx, params.id),
  },
  ({ data }) => {
    if (!data) notFound();
    const { org, subscription: sub, entitlements, members, changes, usage, audit } = data;
    const apiRequests = usage.filter((u) => u.metric === "api_requests").reduce((sum, u) => sum + u.count, 0);
    return (
      <div className="grid gap-8">
        <div className="grid gap-2">
          <Link href="/admin/orgs" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
            ← Organizations
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{org.name}</h1>
            <Badge variant="secondary">{entitlements.plan.name}</Badge>
            {entitlements.compPlan ? <Badge variant="outline">Comp</Badge> : null}
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-muted-foreground">Slug</dt>
            <dd>/{org.slug}</dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>{formatWhen(org.createdAt)}</dd>
            <dt className="text-muted-foreground">Billing</dt>
            <dd>
              {sub?.status ? `${planById(sub.plan).name}, ${sub.status.replace("_", " ")}${sub.seats ? `, ${sub.seats} seats` : ""}` : `${planById(org.plan).name} (no Stripe subscription)`}
            </dd>
            <dt className="text-muted-foreground">MRR</dt>
            <dd>{formatMrr(sub?.mrrCents ?? 0)}</dd>
            {sub?.currentPeriodEnd ? (
              <>
                <dt className="text-muted-foreground">{sub.cancelAtPeriodEnd ? "Ends" : "Renews"}</dt>
                <dd>{formatDay(sub.currentPeriodEnd)}</dd>
              </>
            ) : null}
            {sub?.stripeCustomerId ? (
              <>
                <dt className="text-muted-foreground">Stripe customer</dt>
                <dd>
                  <code className="text-xs">{sub.stripeCustomerId}</code>
                </dd>
              </>
            ) : null}
          </dl>
        </div>

        <Section title="Comp plan" description="A plan given without payment. The better of it and what billing grants applies; Stripe syncs never change it.">
          <CompPlanForm orgId={org.id} compPlan={org.compPlan} plans={plans.map((p) => ({ id: p.id, name: p.name }))} />
        </Section>

        <Section title="Members">
          <DataTable label="Members" columns={[{ label: "Person" }, { label: "Role" }, { label: "Joined", wide: true }]} empty={members.length === 0 ? "No members." : undefined}>
            {members.map((m) => (
              <tr key={m.userId}>
                <Cell>
                  <Link href={`/admin/users/${m.userId}`} className="font-medium underline-offset-4 hover:underline">
                    {m.email}
                  </Link>
                  {m.disabledAt ? (
                    <Badge variant="destructive" className="ml-2">
                      Disabled
                    </Badge>
                  ) : null}
                </Cell>
                <Cell className="capitalize">{m.role}</Cell>
                <Cell wide>{formatDay(m.joinedAt)}</Cell>
              </tr>
            ))}
          </DataTable>
        </Section>

        <Section title="Subscription changes" description="The MRR ledger, newest first.">
          <DataTable
            label="Subscription changes"
            columns={[{ label: "When" }, { label: "Change" }, { label: "Plan" }, { label: "MRR", numeric: true }, { label: "Seats", numeric: true, wide: true }]}
            empty={changes.length === 0 ? "No changes of recurring revenue yet." : undefined}
          >
            {changes.map((c) => (
              <tr key={c.id}>
                <Cell className="whitespace-nowrap">{formatDay(c.at)}</Cell>
                <Cell className="capitalize">{c.reason.replace("_", " ")}</Cell>
                <Cell className="whitespace-nowrap">
                  {planById(c.planBefore).name} → {planById(c.planAfter).name}
                </Cell>
                <Cell numeric className="whitespace-nowrap">
                  {formatMrr(c.mrrBeforeCents)} → {formatMrr(c.mrrAfterCents)}
                </Cell>
                <Cell numeric wide>
                  {c.seatsBefore} → {c.seatsAfter}
                </Cell>
              </tr>
            ))}
          </DataTable>
        </Section>

        <Section title="Usage" description={`API requests over the last ${USAGE_DAYS} days: ${apiRequests.toLocaleString("en-US")} (plan allows ${entitlements.limits.apiRequestsPerMonth.toLocaleString("en-US")} a month).`}>
          <DataTable label="Usage by day" columns={[{ label: "Day" }, { label: "Metric" }, { label: "Count", numeric: true }]} empty={usage.length === 0 ? "No metered usage in this period." : undefined}>
            {usage.slice(0, 14).map((u) => (
              <tr key={`${u.day}-${u.metric}`}>
                <Cell>{formatDay(u.day)}</Cell>
                <Cell>{u.metric.replace("_", " ")}</Cell>
                <Cell numeric>{u.count.toLocaleString("en-US")}</Cell>
              </tr>
            ))}
          </DataTable>
        </Section>

        <RecentActivity description="The organization's audit log, newest first." entries={audit} />
      </div>
    );
  },
);
