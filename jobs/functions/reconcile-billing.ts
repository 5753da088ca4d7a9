import { listCustomers } from "@/db/queries/billing";
import { withSystem } from "@/db/tenant";
import { billingEnabled } from "@/lib/billing/stripe";
import { enqueue, withOutbox } from "@/lib/outbox";
import { inngest } from "../client";
import { billingReconcileRequested } from "../events";

const BATCH = 500;

/**
 * Daily: asks for the billing sync of every customer, so a webhook Keel never received (an outage, a misconfigured
 * endpoint) costs at most a day of drift. Each customer's sync is a reconcile-customer run, under the concurrency
 * slot process-stripe-event takes too: the reconcile and a webhook never sync one customer at the same time. A
 * retried batch asks twice, which is harmless: the sync is idempotent.
 */
export const reconcileBilling = inngest.createFunction(
  { id: "reconcile-billing", triggers: [{ cron: "TZ=UTC 41 4 * * *" }], retries: 3 },
  async ({ step }) => {
    if (!billingEnabled()) return { customers: 0 };
    const customers = await step.run("list-customers", () => withSystem("reconcile billing: list customers", listCustomers));
    for (let i = 0; i < customers.length; i += BATCH) {
      const batch = customers.slice(i, i + BATCH);
      await step.run(`request-sync-${i / BATCH}`, () =>
        withOutbox(() =>
          withSystem("reconcile billing: request syncs", async (tx) => {
            for (const c of batch) await enqueue(tx, billingReconcileRequested, { orgId: null, actorId: null, customerId: c.stripeCustomerId });
          }),
        ),
      );
    }
    return { customers: customers.length };
  },
);
