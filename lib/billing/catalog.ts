import "server-only";
import type Stripe from "stripe";
import { cache } from "@/lib/cache";
import { AppError } from "@/lib/errors";
import { billingIntervals, paidPlans, priceLookupKey, unitPriceCents, type BillingInterval, type Plan } from "@/lib/plans";

const PRICE_TTL_SECONDS = 3_600;

/** Stripe's product id of a plan: fixed, so syncing twice finds the same product. */
export const productIdOf = (planId: Plan["id"]) => `keel_${planId}`;

/**
 * The id of the active Stripe price of a plan and interval, found by its lookup key through the cache (no price ids
 * in the environment). A missing price means `npm run stripe:sync` has not been run against this Stripe account.
 */
export async function priceIdFor(stripe: Stripe, planId: Plan["id"], interval: BillingInterval): Promise<string> {
  const key = priceLookupKey(planId, interval);
  const id = await cache.getOrSet(`stripe:price:${key}`, PRICE_TTL_SECONDS, async () => {
    const { data } = await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 });
    return data[0]?.id ?? null;
  });
  if (!id) throw new AppError("conflict", "This plan is not available for purchase yet. Run `npm run stripe:sync` to create its prices in Stripe.");
  return id;
}

/** What `syncCatalog` did, one line per product or price. */
export type CatalogReport = string[];

async function upsertProduct(stripe: Stripe, plan: Plan, report: CatalogReport): Promise<void> {
  const id = productIdOf(plan.id);
  const fields = { name: `Keel ${plan.name}`, description: plan.tagline, metadata: { keel_plan: plan.id } };
  try {
    const existing = await stripe.products.retrieve(id);
    if (existing.name !== fields.name || existing.description !== fields.description) {
      await stripe.products.update(id, fields);
      report.push(`product ${id}: updated`);
    } else report.push(`product ${id}: unchanged`);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
    await stripe.products.create({ id, ...fields }, { idempotencyKey: `keel-product-${id}` });
    report.push(`product ${id}: created`);
  }
}

async function upsertPrice(stripe: Stripe, plan: Plan, interval: BillingInterval, report: CatalogReport): Promise<void> {
  const key = priceLookupKey(plan.id, interval);
  const amount = unitPriceCents(plan, interval);
  const { data } = await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 });
  const current = data[0];
  if (current && current.unit_amount === amount && current.recurring?.interval === interval && current.product === productIdOf(plan.id)) {
    report.push(`price ${key}: unchanged`);
    return;
  }
  // Stripe prices are immutable: a new amount is a new price that takes over the lookup key; the old one is archived
  // (existing subscriptions keep it until they change plan).
  const created = await stripe.prices.create(
    {
      product: productIdOf(plan.id),
      currency: "usd",
      unit_amount: amount,
      recurring: { interval },
      lookup_key: key,
      transfer_lookup_key: true,
      metadata: { keel_plan: plan.id, keel_interval: interval, per_seat: plan.perSeat ? "true" : "false" },
    },
    // Keyed on the price it replaces too: the same amount may come back after a change (a key is kept for a day).
    { idempotencyKey: `keel-price-${key}-${amount}-${current?.id ?? "first"}` },
  );
  if (current) await stripe.prices.update(current.id, { active: false });
  report.push(`price ${key}: ${current ? `replaced ${current.id} with ${created.id}` : `created ${created.id}`}`);
}

/**
 * Creates or updates Stripe's products and prices from lib/plans.ts (`npm run stripe:sync`): idempotent, so running
 * it twice changes nothing the second time.
 */
export async function syncCatalog(stripe: Stripe): Promise<CatalogReport> {
  const report: CatalogReport = [];
  for (const plan of paidPlans) {
    await upsertProduct(stripe, plan, report);
    for (const interval of billingIntervals) await upsertPrice(stripe, plan, interval, report);
  }
  await Promise.all(paidPlans.flatMap((p) => billingIntervals.map((i) => cache.del(`stripe:price:${priceLookupKey(p.id, i)}`))));
  return report;
}
