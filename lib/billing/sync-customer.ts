import "server-only";
import type Stripe from "stripe";
import {
  findSubscriptionByCustomer,
  insertCustomer,
  insertSubscriptionChange,
  listSubscriptionChanges,
  lockSubscriptionByCustomer,
  setOrgPlan,
  updateSubscriptionRow,
} from "@/db/queries/billing";
import { listMemberIds } from "@/db/queries/memberships";
import type { Subscription } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { subscriptionUpdated } from "@/jobs/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { log } from "@/lib/log";
import { invalidateMemberships } from "@/lib/orgs/membership";
import { afterCommit, enqueue, withOutbox } from "@/lib/outbox";
import { mrrCents, planById, planOfLookupKey, plans } from "@/lib/plans";
import { invalidateEntitlements } from "./entitlements";

// Statuses that keep a plan (entitlements decide how long past_due does); the rest mean "no live subscription".
const LIVE = new Set(["active", "trialing", "past_due"]);
// Which of a customer's subscriptions is "the" subscription: a live one first, then the newest.
const PRIORITY = ["active", "past_due", "trialing", "unpaid", "incomplete", "paused"];

/** Stripe's state of a customer's subscription, as Keel stores it. */
type Snapshot = Pick<
  Subscription,
  "stripeSubscriptionId" | "plan" | "interval" | "status" | "seats" | "mrrCents" | "currentPeriodEnd" | "trialEnd" | "cancelAtPeriodEnd" | "paymentMethod"
>;

/** What one sync did: whether Keel's row changed, and which fields (for the reconciliation's log). */
export type SyncResult = { orgId: string | null; changed: string[]; ledger: string | null };

/** The customer's current subscription in Stripe, or null when they have none. */
export function currentSubscription(list: Stripe.Subscription[]): Stripe.Subscription | null {
  const rank = (s: Stripe.Subscription) => {
    const i = PRIORITY.indexOf(s.status);
    return i === -1 ? PRIORITY.length : i;
  };
  return [...list].sort((a, b) => rank(a) - rank(b) || b.created - a.created)[0] ?? null;
}

function cardSummary(pm: Stripe.Subscription["default_payment_method"]): string | null {
  if (!pm || typeof pm === "string" || !pm.card) return null;
  const brand = pm.card.brand.charAt(0).toUpperCase() + pm.card.brand.slice(1);
  return `${brand} •••• ${pm.card.last4}`;
}

/** Keel's row for a Stripe subscription (or for none). Trials count no revenue until they convert. */
export function snapshotOf(sub: Stripe.Subscription | null): Snapshot {
  if (!sub) return { stripeSubscriptionId: null, plan: "free", interval: null, status: null, seats: 0, mrrCents: 0, currentPeriodEnd: null, trialEnd: null, cancelAtPeriodEnd: false, paymentMethod: null };
  const item = sub.items.data[0];
  const priced = planOfLookupKey(item?.price.lookup_key);
  if (!priced) log.warn({ subscription: sub.id, lookupKey: item?.price.lookup_key ?? null }, "billing: subscription has a price Keel did not create; treated as Free");
  const seats = item?.quantity ?? 1;
  const paying = priced && (sub.status === "active" || sub.status === "past_due");
  return {
    stripeSubscriptionId: sub.id,
    plan: priced?.plan.id ?? "free",
    interval: priced?.interval ?? null,
    status: sub.status,
    seats,
    mrrCents: paying ? mrrCents(priced.plan, priced.interval, seats) : 0,
    currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    trialEnd: sub.trial_end ? new Date(sub.trial_end * 1000) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    paymentMethod: cardSummary(sub.default_payment_method),
  };
}

/** The plan an organization counts as on in the ledger: its plan while the subscription is live, else Free. */
const ledgerPlan = (s: Pick<Snapshot, "plan" | "status">) => (s.status && LIVE.has(s.status) ? s.plan : "free");
const rank = (planId: string) => plans.findIndex((p) => p.id === planId);

type Reason = "new" | "upgrade" | "downgrade" | "seat_change" | "cancel" | "reactivation";

/** Why the ledger gets a row for this change, or null when recurring revenue and plan did not change. */
export function ledgerReason(before: Pick<Snapshot, "plan" | "status" | "mrrCents" | "seats">, after: typeof before, hadRevenue: boolean): Reason | null {
  const [planB, planA] = [ledgerPlan(before), ledgerPlan(after)];
  if (planB === planA && before.mrrCents === after.mrrCents) return null;
  if (before.mrrCents === 0 && after.mrrCents > 0 && planB === planA) return hadRevenue ? "reactivation" : "new";
  if (planB === "free" && planA !== "free") return hadRevenue ? "reactivation" : "new";
  if (planA === "free") return "cancel";
  if (before.mrrCents > 0 && after.mrrCents === 0) return "cancel";
  if (planA !== planB) return rank(planA) > rank(planB) ? "upgrade" : "downgrade";
  if (before.seats !== after.seats) return "seat_change";
  return after.mrrCents > before.mrrCents ? "upgrade" : "downgrade";
}

const FIELDS = ["stripeSubscriptionId", "plan", "interval", "status", "seats", "mrrCents", "currentPeriodEnd", "trialEnd", "cancelAtPeriodEnd", "paymentMethod"] as const;
const same = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? String(a && new Date(a as Date).getTime()) === String(b && new Date(b as Date).getTime()) : a === b);

/**
 * THE writer of billing state. Reads the customer's subscriptions from Stripe now (never a webhook's payload, which
 * may be stale or arrive out of order), then in one transaction, holding the row's lock: copies that state onto the
 * organization's row and plan, appends to the MRR ledger when revenue or plan changed, audits plan and seat changes,
 * and enqueues `billing/subscription.updated`. After commit, the cached entitlements are dropped. Running it twice,
 * or for events in any order, ends in the same state. Callers serialize it per customer (the job's concurrency key).
 */
export async function syncCustomer(stripe: Stripe, customerId: string, options: { source: string; now?: Date } = { source: "sync" }): Promise<SyncResult> {
  const { data } = await stripe.subscriptions.list({ customer: customerId, status: "all", limit: 20, expand: ["data.default_payment_method"] });
  const next = snapshotOf(currentSubscription(data));
  let known = await withSystem("billing sync: find customer", (tx) => findSubscriptionByCustomer(tx, customerId));
  if (!known) {
    // A customer Keel did not record (created elsewhere, or the recording transaction was lost): adopt it by the
    // organization id Keel put in its metadata, or ignore it.
    const customer = await stripe.customers.retrieve(customerId);
    const orgId = "deleted" in customer && customer.deleted ? null : (customer as Stripe.Customer).metadata?.keel_org_id;
    if (!orgId) {
      log.warn({ customerId }, "billing: event for a Stripe customer of no organization; ignored");
      return { orgId: null, changed: [], ledger: null };
    }
    known = await withSystem("billing sync: adopt customer", (tx) => insertCustomer(tx, orgId, customerId));
  }
  const now = options.now ?? new Date();

  return withOutbox(() =>
    withSystem("billing sync: write subscription", async (tx) => {
      const before = (await lockSubscriptionByCustomer(tx, customerId))!;
      const orgId = before.orgId;
      const changed = FIELDS.filter((f) => !same(before[f], next[f]));
      if (changed.length === 0) {
        await updateSubscriptionRow(tx, orgId, { syncedAt: now });
        return { orgId, changed, ledger: null };
      }
      const pastDueSince = next.status === "past_due" ? (before.status === "past_due" ? before.pastDueSince ?? now : now) : null;
      await updateSubscriptionRow(tx, orgId, { ...next, pastDueSince, syncedAt: now });
      await setOrgPlan(tx, orgId, ledgerPlan(next) === "free" ? "free" : next.plan);

      const history = await listSubscriptionChanges(tx, orgId);
      const reason = ledgerReason(before, next, history.some((h) => h.mrrAfterCents > 0));
      if (reason) {
        await insertSubscriptionChange(tx, {
          orgId,
          at: now,
          reason,
          planBefore: ledgerPlan(before),
          planAfter: ledgerPlan(next),
          mrrBeforeCents: before.mrrCents,
          mrrAfterCents: next.mrrCents,
          seatsBefore: before.seats,
          seatsAfter: next.seats,
          stripeSubscriptionId: next.stripeSubscriptionId ?? before.stripeSubscriptionId,
        });
      }
      if (ledgerPlan(before) !== ledgerPlan(next) || before.status !== next.status) {
        await recordAudit(tx, orgId, {
          action: "billing.plan_changed",
          actorId: null,
          target: { type: "subscription", id: next.stripeSubscriptionId ?? before.stripeSubscriptionId ?? customerId },
          metadata: { from: ledgerPlan(before), to: ledgerPlan(next), status: next.status, source: options.source },
        });
      }
      if (before.seats !== next.seats && before.seats > 0 && next.seats > 0) {
        await recordAudit(tx, orgId, {
          action: "billing.seats_changed",
          actorId: null,
          target: { type: "subscription", id: next.stripeSubscriptionId ?? customerId },
          metadata: { from: before.seats, to: next.seats, source: options.source },
        });
      }
      await enqueue(tx, subscriptionUpdated, {
        orgId,
        actorId: null,
        plan: planById(ledgerPlan(next)).id,
        status: next.status ?? "none",
        seats: next.seats,
        currentPeriodEnd: next.currentPeriodEnd?.toISOString() ?? null,
        cancelAtPeriodEnd: next.cancelAtPeriodEnd,
      });
      // Pages read the plan from the cached membership too (OrgContext.plan): drop both once this commits.
      const memberIds = await listMemberIds(tx, orgId);
      afterCommit(async () => {
        await invalidateEntitlements(orgId);
        await invalidateMemberships(...memberIds);
      });
      return { orgId, changed: [...changed], ledger: reason };
    }),
  );
}
