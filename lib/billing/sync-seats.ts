import "server-only";
import type Stripe from "stripe";
import { countMembers, findSubscription } from "@/db/queries/billing";
import { withTenant } from "@/db/tenant";
import { planById } from "@/lib/plans";
import { asOrg } from "@/lib/webhooks/as-org";
import { syncCustomer } from "./sync-customer";

const LIVE = new Set(["active", "trialing", "past_due"]);

/**
 * Makes a per-seat subscription's quantity equal the organization's member count now (with proration), then syncs
 * Keel's row from Stripe. Reads the count when it runs, not when a member joined, so a burst of changes settles on
 * the final count and every later run finds nothing to do. Returns the quantity set, or null when nothing changed.
 */
export async function syncSeats(stripe: Stripe, orgId: string): Promise<number | null> {
  const { sub, members } = await withTenant(asOrg(orgId), async (tx) => ({ sub: await findSubscription(tx, orgId), members: await countMembers(tx, orgId) }));
  if (!sub?.stripeSubscriptionId || !sub.status || !LIVE.has(sub.status) || !planById(sub.plan).perSeat) return null;
  const subscription = await stripe.subscriptions.retrieve(sub.stripeSubscriptionId);
  const item = subscription.items.data[0];
  const quantity = Math.max(1, members);
  if (!item || item.quantity === quantity) return null;
  await stripe.subscriptions.update(
    subscription.id,
    { items: [{ id: item.id, quantity }], proration_behavior: "create_prorations" },
    // Same subscription, same target quantity, same starting point: a retried step changes nothing twice.
    { idempotencyKey: `keel-seats-${subscription.id}-${item.quantity}-${quantity}` },
  );
  await syncCustomer(stripe, sub.stripeCustomerId, { source: "seat sync" });
  return quantity;
}
