import { billingEnabled, requireStripe } from "@/lib/billing/stripe";
import { reconcileCustomers } from "@/lib/billing/reconcile";
import { billingSyncConcurrency } from "../billing-sync-concurrency";
import { inngest } from "../client";
import { billingReconcileRequested } from "../events";

/**
 * The daily reconcile of one customer: the billing sync from Stripe's current state, logging what it repaired. It
 * takes the same concurrency slot as process-stripe-event, so it never interleaves with a webhook's sync.
 */
export const reconcileCustomer = inngest.createFunction(
  { id: "reconcile-customer", triggers: [billingReconcileRequested], retries: 3, concurrency: [billingSyncConcurrency] },
  async ({ event, step }) => {
    if (!billingEnabled()) return { repaired: false };
    const repairs = await step.run("sync-customer", () => reconcileCustomers(requireStripe(), [event.data.customerId]));
    return { repaired: repairs.length > 0 };
  },
);
