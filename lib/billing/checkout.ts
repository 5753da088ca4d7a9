import "server-only";
import { z } from "zod";
import { countMembers, findSubscription, insertCustomer } from "@/db/queries/billing";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { inOrg } from "@/lib/orgs/in-org";
import { assertCan, myOrgs, type OrgContext } from "@/lib/orgs/membership";
import { can } from "@/lib/orgs/permissions";
import { planById } from "@/lib/plans";
import { priceIdFor } from "./catalog";
import { billingPath } from "./limits";
import { stripeClient } from "./stripe";
import type Stripe from "stripe";

export const checkoutSchema = z.object({
  plan: z.enum(["pro", "business"], "Choose a plan."),
  interval: z.enum(["month", "year"]).default("month"),
});
export type CheckoutInput = z.infer<typeof checkoutSchema>;

const LIVE = new Set(["active", "trialing", "past_due", "unpaid", "incomplete", "paused"]);

function requireBilling(): Stripe {
  const stripe = stripeClient();
  if (!stripe) throw new AppError("conflict", "Billing is not connected yet: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (see the README).");
  return stripe;
}

const ctxOf = (org: OrgContext) => ({ orgId: org.orgId, userId: org.userId });

/**
 * The organization's Stripe customer, created on first need. Creating it is a network call, so it happens between
 * two short transactions; the idempotency key makes two racing first checkouts create one customer, and the insert
 * keeps whichever row landed first.
 */
export async function ensureCustomer(stripe: Stripe, org: OrgContext, email: string): Promise<string> {
  const existing = await withTenant(ctxOf(org), (tx) => findSubscription(tx, org.orgId));
  if (existing) return existing.stripeCustomerId;
  const customer = await stripe.customers.create(
    { name: org.name, email, metadata: { keel_org_id: org.orgId, keel_org_slug: org.slug } },
    { idempotencyKey: `keel-customer-${org.orgId}` },
  );
  const row = await withTenant(ctxOf(org), (tx) => insertCustomer(tx, org.orgId, customer.id));
  return row.stripeCustomerId;
}

/**
 * The URL of a Stripe Checkout page subscribing the organization to `input.plan` (billing:manage): the plan's
 * trial on a first subscription, one unit per member on per-seat plans, back to the billing page on success or
 * cancel. An organization that already has a subscription changes it in the Customer Portal instead.
 */
export async function startCheckout(org: OrgContext, input: CheckoutInput, caller: { email: string; origin: string }): Promise<string> {
  assertCan(org, "billing:manage");
  const stripe = requireBilling();
  const plan = planById(input.plan);
  const current = await withTenant(ctxOf(org), (tx) => findSubscription(tx, org.orgId));
  if (current?.status && LIVE.has(current.status)) return openPortal(org, caller.origin);
  const [customer, price, members] = await Promise.all([
    ensureCustomer(stripe, org, caller.email),
    priceIdFor(stripe, plan.id, input.interval),
    plan.perSeat ? withTenant(ctxOf(org), (tx) => countMembers(tx, org.orgId)) : Promise.resolve(1),
  ]);
  const back = `${caller.origin}${billingPath(org.slug)}`;
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: org.orgId,
    line_items: [{ price, quantity: Math.max(1, members) }],
    subscription_data: {
      // One trial per organization: a returning customer pays from the first day.
      ...(plan.trialDays && !current?.stripeSubscriptionId ? { trial_period_days: plan.trialDays } : {}),
      metadata: { keel_org_id: org.orgId },
    },
    metadata: { keel_org_id: org.orgId },
    success_url: `${back}?checkout=success`,
    cancel_url: `${back}?checkout=canceled`,
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}

/** The URL of the Stripe Customer Portal for the organization (billing:manage); the visit is audited. */
export async function openPortal(org: OrgContext, origin: string): Promise<string> {
  assertCan(org, "billing:manage");
  const stripe = requireBilling();
  const current = await withTenant(ctxOf(org), (tx) => findSubscription(tx, org.orgId));
  if (!current) throw new AppError("conflict", "There is nothing to manage yet: choose a plan first.");
  const portal = await stripe.billingPortal.sessions.create({ customer: current.stripeCustomerId, return_url: `${origin}${billingPath(org.slug)}` });
  await withTenant(ctxOf(org), (tx) =>
    recordAudit(tx, org.orgId, { action: "billing.portal_opened", actorId: org.userId, target: { type: "subscription", id: current.stripeSubscriptionId ?? current.stripeCustomerId } }),
  );
  return portal.url;
}

/** Where "Start Pro" on the pricing page sends a person: this path, carried through sign-up and verification. */
export const checkoutStartPath = (input: CheckoutInput) => `/billing/checkout?plan=${input.plan}&interval=${input.interval}`;

/**
 * Where GET /billing/checkout sends `userId`: straight to Stripe Checkout for the first organization they may manage
 * billing of (after sign-up: their personal one), or to its billing page when checkout cannot start (Stripe not
 * connected, a plan not synced); to /new when they have no organization to bill.
 */
export async function checkoutStartDestination(session: { user: { id: string; email: string } }, input: CheckoutInput, origin: string): Promise<string> {
  const orgs = await myOrgs(session.user.id);
  const first = orgs.find((o) => can(o.role, "billing:manage"));
  if (!first) return "/new";
  const org = await inOrg({ kind: "user", userId: session.user.id }, first.slug, "billing:manage");
  try {
    return await startCheckout(org, input, { email: session.user.email, origin });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return `${billingPath(org.slug)}?checkout=unavailable`;
  }
}
