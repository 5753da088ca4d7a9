import { findSubscription, lockOrgBilling } from "@/db/queries/billing";
import { findOrg } from "@/db/queries/orgs";
import { withTenant, type Tx } from "@/db/tenant";
import { cache } from "@/lib/cache";
import { betterPlan, planById, type Plan } from "@/lib/plans";
import { asOrg } from "@/lib/webhooks/as-org";

/** How long a past_due subscription keeps its plan (a banner shows the deadline), counted from when it fell due. */
export const PAST_DUE_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;
const TTL_SECONDS = 300;

/**
 * What entitlements are computed from: the plan paid for, Stripe's status, since when it has been past due, and
 * the plan staff gave without payment (`organizations.comp_plan`, set in the admin console), if any.
 */
export type BillingState = { plan: string; status: string | null; pastDueSince: Date | string | null; compPlan?: string | null };

/** What an organization may use now, and why. */
export type Entitlements = {
  /** The plan whose limits apply (Free when nothing is paid for, or no longer). */
  plan: Plan;
  limits: Plan["limits"];
  /** The plan paid for, which differs from `plan` when an unpaid subscription fell back to Free. */
  paidPlan: Plan;
  status: string | null;
  /** Set while past_due: when the grace period ends and the organization falls back to Free. */
  graceEndsAt: string | null;
  /** The plan given by staff, when it is the one that applies (it is better than what billing grants). */
  compPlan: Plan | null;
};

/**
 * Entitlements from billing state (pure): trialing and active get their plan; past_due keeps it for
 * PAST_DUE_GRACE_DAYS; canceled, unpaid, incomplete and anything unknown get Free. No subscription: Free. A comp
 * plan applies when it is better than that (a paid upgrade past it wins; a lapsed payment falls back to it).
 */
export function entitlementsFor(state: BillingState | null, now: Date = new Date()): Entitlements {
  const paidPlan = planById(state?.plan ?? "free");
  const status = state?.status ?? null;
  let plan = planById("free");
  let graceEndsAt: string | null = null;
  if (status === "active" || status === "trialing") plan = paidPlan;
  else if (status === "past_due") {
    const since = state?.pastDueSince ? new Date(state.pastDueSince) : now;
    const ends = new Date(since.getTime() + PAST_DUE_GRACE_DAYS * DAY_MS);
    if (ends > now) {
      plan = paidPlan;
      graceEndsAt = ends.toISOString();
    }
  }
  const comp = state?.compPlan ? betterPlan(plan.id, state.compPlan) : plan;
  if (comp !== plan) return { plan: comp, limits: comp.limits, paidPlan, status, graceEndsAt: null, compPlan: comp };
  return { plan, limits: plan.limits, paidPlan, status, graceEndsAt, compPlan: null };
}

const tag = (orgId: string) => `entitlements:${orgId}`;

/**
 * The organization's entitlements, through the cache (invalidated by the billing sync after each change). For
 * pages and request checks outside a transaction; a write that must not pass a limit uses `lockEntitlements`.
 */
export async function entitlementsOf(orgId: string): Promise<Entitlements> {
  const state = await cache.getOrSet(`entitlements:${orgId}`, TTL_SECONDS, () => withTenant(asOrg(orgId), (tx) => billingStateIn(tx, orgId)), { tags: [tag(orgId)] });
  return entitlementsFor(state ?? null);
}

/** Forgets the cached entitlements of an organization (after its billing state changed and committed). */
export async function invalidateEntitlements(orgId: string): Promise<void> {
  await cache.invalidateTag(tag(orgId));
}

/** The billing state, read inside a transaction (no cache there). */
export async function billingStateIn(tx: Tx, orgId: string): Promise<BillingState | null> {
  const [sub, org] = [await findSubscription(tx, orgId), await findOrg(tx, orgId)];
  const compPlan = org?.compPlan ?? null;
  // A customer row with no subscription yet (checkout opened, seats counted) is not one: the organization's own
  // plan (Free, or one given without Stripe) still applies.
  if (sub?.status) return { plan: sub.plan, status: sub.status, pastDueSince: sub.pastDueSince, compPlan };
  return org ? { plan: org.plan, status: org.plan === "free" ? null : "active", pastDueSince: null, compPlan } : null;
}

/** The entitlements read inside a transaction, without locking (pages' loaders). */
export async function entitlementsIn(tx: Tx, orgId: string): Promise<Entitlements> {
  return entitlementsFor(await billingStateIn(tx, orgId));
}

/**
 * Locks the organization's row for the rest of the transaction and returns its entitlements: the way to check a
 * limit race-free (lock, count, insert). Null when the organization does not exist.
 */
export async function lockEntitlements(tx: Tx, orgId: string): Promise<(Entitlements & { slug: string }) | null> {
  const state = await lockOrgBilling(tx, orgId);
  if (!state) return null;
  // An organization given a plan without Stripe (seed data, an admin) has it as if active, as `billingStateIn` says.
  const effective = state.subscribed ? state : { ...state, status: state.plan === "free" ? null : "active" };
  return { ...entitlementsFor(effective), slug: state.slug };
}
