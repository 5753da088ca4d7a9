import { listCustomers } from "@/db/queries/billing";
import { withSystem } from "@/db/tenant";
import { billingEnabled, requireStripe } from "@/lib/billing/stripe";
import { syncCustomer } from "@/lib/billing/sync-customer";
import { log } from "@/lib/log";
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
      repaired += await step.run(`sync-${i / BATCH}`, async () => {
        let n = 0;
        for (const { stripeCustomerId } of batch) {
          const result = await syncCustomer(requireStripe(), stripeCustomerId, { source: "reconcile" });
          if (result.changed.length) {
            n++;
            log.warn({ orgId: result.orgId, customerId: stripeCustomerId, fields: result.changed, ledger: result.ledger }, "reconcile-billing: repaired a drifted subscription");
          }
        }
        return n;
      });
    }
    return { customers: customers.length, repaired };
  },
);
