import { CircleAlert, CircleCheck, Download, FileText, Info } from "lucide-react";
import type { Metadata } from "next";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { loadBillingOverview, type BillingOverview } from "@/lib/billing/billing-overview";
import { formatMoney } from "@/lib/billing/money";
import { billingEnabled } from "@/lib/billing/stripe";
import { orgPage } from "@/lib/org-page";
import { paidPlans, planById } from "@/lib/plans";
import { ManageBilling } from "./_components/manage-billing";
import { PlanPicker } from "./_components/plan-picker";

export const metadata: Metadata = { title: "Billing" };

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const date = (d: Date | string | null) => (d ? day.format(new Date(d)) : "—");

const statusLabel: Record<string, { label: string; variant: "default" | "secondary" | "destructive" | "outline" }> = {
  active: { label: "Active", variant: "default" },
  trialing: { label: "Trial", variant: "secondary" },
  past_due: { label: "Payment failed", variant: "destructive" },
  unpaid: { label: "Unpaid", variant: "destructive" },
  canceled: { label: "Canceled", variant: "outline" },
  incomplete: { label: "Incomplete", variant: "outline" },
};

function CheckoutNotice({ outcome }: { outcome: unknown }) {
  if (outcome === "success")
    return (
      <Alert variant="success">
        <CircleCheck aria-hidden />
        <AlertTitle>Thank you</AlertTitle>
        <AlertDescription>Your subscription is active as soon as Stripe confirms it, usually within seconds. Refresh to see it here.</AlertDescription>
      </Alert>
    );
  if (outcome === "canceled")
    return (
      <Alert>
        <Info aria-hidden />
        <AlertTitle>Checkout canceled</AlertTitle>
        <AlertDescription>Nothing was charged. Choose a plan whenever you are ready.</AlertDescription>
      </Alert>
    );
  if (outcome === "unavailable")
    return (
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertTitle>Checkout is not available yet</AlertTitle>
        <AlertDescription>Billing is not set up on this installation. Your organization is on the Free plan.</AlertDescription>
      </Alert>
    );
  return null;
}

function ConnectStripe() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connect Stripe to take payments</CardTitle>
        <CardDescription>Billing is off: every organization is on the Free plan. Three steps with Stripe test keys:</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid list-decimal gap-2 pl-5 text-sm">
          <li>
            Set <code className="font-mono">STRIPE_SECRET_KEY</code> (a <code className="font-mono">sk_test_…</code> key) and{" "}
            <code className="font-mono">STRIPE_WEBHOOK_SECRET</code> in <code className="font-mono">.env</code>.
          </li>
          <li>
            Run <code className="font-mono">npm run stripe:sync</code> to create the products and prices from <code className="font-mono">lib/plans.ts</code>.
          </li>
          <li>
            Forward events: <code className="font-mono break-all">stripe listen --forward-to localhost:3000/api/webhooks/stripe</code> (it prints the webhook secret).
          </li>
        </ol>
      </CardContent>
    </Card>
  );
}

function Usage({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const share = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div className="grid gap-1.5">
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="text-muted-foreground tabular-nums">
          {used} / {limit ?? "unlimited"}
        </span>
      </div>
      <div className="h-1.5 overflow-hidden rounded-full bg-muted" role="presentation">
        <div className={limit && used >= limit ? "h-full bg-destructive" : "h-full bg-primary"} style={{ width: `${limit ? share : 4}%` }} />
      </div>
    </div>
  );
}

function CurrentPlan({ slug, overview }: { slug: string; overview: BillingOverview }) {
  const { subscription: sub, entitlements, manage } = overview;
  const status = sub?.status ? (statusLabel[sub.status] ?? { label: sub.status, variant: "outline" as const }) : null;
  const rows: Array<[string, string]> = [];
  if (sub?.status === "trialing") rows.push(["Trial ends", date(sub.trialEnd)]);
  else if (sub?.status && sub.status !== "canceled") rows.push([sub.cancelAtPeriodEnd ? "Ends" : "Renews", date(sub.currentPeriodEnd)]);
  if (sub?.status && sub.status !== "canceled" && planById(sub.plan).perSeat) rows.push(["Seats", String(sub.seats)]);
  if (sub?.interval && sub.status !== "canceled") rows.push(["Billed", sub.interval === "year" ? "Yearly" : "Monthly"]);
  if (sub?.paymentMethod) rows.push(["Payment method", sub.paymentMethod]);
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-4">
        <div>
          <CardDescription>Current plan</CardDescription>
          <CardTitle className="mt-1 flex items-center gap-2 text-2xl" data-testid="current-plan">
            {entitlements.plan.name}
            {status ? <Badge variant={status.variant}>{status.label}</Badge> : null}
          </CardTitle>
        </div>
        {manage && sub ? <ManageBilling slug={slug} /> : null}
      </CardHeader>
      <CardContent className="grid gap-6">
        {rows.length ? (
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="font-medium">{v}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {sub?.cancelAtPeriodEnd && sub.status !== "canceled" ? (
          <p className="text-sm text-muted-foreground">Canceled: {entitlements.paidPlan.name} stays on until {date(sub.currentPeriodEnd)}, then the organization moves to Free and keeps all its data.</p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Usage label="Projects" used={overview.usage.projects} limit={entitlements.limits.projects} />
          <Usage label="Members and invitations" used={overview.usage.members + overview.usage.pendingInvitations} limit={entitlements.limits.members} />
        </div>
      </CardContent>
    </Card>
  );
}

function Invoices({ slug, invoices }: { slug: string; invoices: BillingOverview["invoices"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Invoices</CardTitle>
        <CardDescription>Receipts of every payment, as PDF.</CardDescription>
      </CardHeader>
      <CardContent>
        {invoices.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <FileText className="size-4" aria-hidden /> No invoices yet.
          </p>
        ) : (
          <ul className="divide-y rounded-lg border" aria-label="Invoices">
            {invoices.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
                <span className="font-mono font-medium">{inv.number}</span>
                <span className="text-muted-foreground">{date(inv.paidAt)}</span>
                <span className="ml-auto tabular-nums">{formatMoney(inv.totalCents, inv.currency)}</span>
                {inv.hasPdf ? (
                  <a href={`/${slug}/settings/billing/invoices/${inv.id}`} className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline" download>
                    <Download className="size-4" aria-hidden /> PDF<span className="sr-only"> of invoice {inv.number}</span>
                  </a>
                ) : (
                  <span className="text-muted-foreground">PDF being prepared…</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** The organization's plan and billing: everyone sees the status; billing:manage may upgrade, manage and download. */
export default orgPage({ load: (tx, { org }) => loadBillingOverview(tx, org) }, ({ org, data, searchParams }) => {
  const enabled = billingEnabled();
  const live = data.subscription?.status && data.subscription.status !== "canceled" && data.subscription.status !== "incomplete_expired";
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-lg font-semibold">Billing</h2>
        <p className="mt-1 max-w-prose text-sm text-muted-foreground">
          {data.manage ? `${org.name}'s plan, payment method and invoices.` : `${org.name}'s plan. Only owners can change it or see invoices.`}
        </p>
      </div>
      <CheckoutNotice outcome={searchParams.checkout} />
      {data.entitlements.graceEndsAt ? (
        <Alert variant="destructive">
          <CircleAlert aria-hidden />
          <AlertTitle>Payment failed</AlertTitle>
          <AlertDescription>
            Update the payment method by {date(data.entitlements.graceEndsAt)} to keep {data.entitlements.paidPlan.name}; after that the organization moves to Free (no data is deleted).
          </AlertDescription>
        </Alert>
      ) : null}
      <CurrentPlan slug={org.slug} overview={data} />
      {!enabled && data.manage ? <ConnectStripe /> : null}
      {enabled && data.manage && !live ? (
        <section aria-labelledby="upgrade-title" className="grid gap-3">
          <h3 id="upgrade-title" className="font-semibold">
            Upgrade
          </h3>
          <PlanPicker slug={org.slug} plans={[...paidPlans]} currentPlanId={data.entitlements.plan.id} members={data.usage.members} />
        </section>
      ) : null}
      {data.manage ? <Invoices slug={org.slug} invoices={data.invoices} /> : null}
    </div>
  );
});
