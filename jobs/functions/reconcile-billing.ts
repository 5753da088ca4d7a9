import { listCustomers } from "@/db/queries/billing";
import { withSystem } from "@/db/tenant";
import { billingEnabled, requireStripe } from "@/lib/billing/stripe";
import { reconcileCustomers } from "@/lib/billing/reconcile";
import { inngest } from "../client";

const BATCH = 50;

/**
 * Daily: runs the billing sync for every customer, so a webhook Keel never received (an outage, a misconfigured
 * endpoint) costs at most a day of drift. Logs every row it had to repair.
 */
export const reconcileBilling = inngest.createFunction(
  { id: "reconcile-billing", triggers: [{ cron: "TZ=UTC 41 4 * * *" }], retries: 3 },
  async ({ step }) => {
    if (!billingEnabled()) return { customers: 0, repaired: 0 };
    const customers = await step.run("list-customers", () => withSystem("reconcile billing: list customers", listCustomers));
    let repaired = 0;
    for (let i = 0; i < customers.length; i += BATCH) {
      const batch = customers.slice(i, i + BATCH);
      const repairs = await step.run(`sync-${i / BATCH}`, () => reconcileCustomers(requireStripe(), batch.map((c) => c.stripeCustomerId)));
      repaired += repairs.length;
    }
    return { customers: customers.length, repaired };
  },
);
