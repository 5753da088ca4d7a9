import { markStripeEventProcessed } from "@/db/queries/billing";
import { withSystem } from "@/db/tenant";
import { requireStripe } from "@/lib/billing/stripe";
import { notifyBillingManagers } from "@/lib/billing/notify";
import { syncCustomer } from "@/lib/billing/sync-customer";
import { enqueue, withOutbox } from "@/lib/outbox";
import { billingSyncConcurrency } from "../billing-sync-concurrency";
import { inngest } from "../client";
import { invoicePaid, stripeEventReceived } from "../events";

/**
 * Processes one stored Stripe event. Whatever the event says, the customer is synced from Stripe's current state
 * (lib/billing/sync-customer.ts), so events arriving late, twice or out of order cannot leave a stale row; one run
 * per customer at a time, a slot shared with reconcile-customer (jobs/billing-sync-concurrency.ts), keeps two syncs
 * from interleaving. Then the event's own follow-ups: an invoice PDF, a dunning email, a trial reminder.
 */
export const processStripeEvent = inngest.createFunction(
  {
    id: "process-stripe-event",
    triggers: [stripeEventReceived],
    retries: 10,
    concurrency: [billingSyncConcurrency],
  },
  async ({ event, step }) => {
    const { eventId, type, customerId, objectId } = event.data;
    const synced = await step.run("sync-customer", () => syncCustomer(requireStripe(), customerId, { source: `stripe ${type}` }));
    const orgId = synced.orgId;
    if (orgId && type === "invoice.paid" && objectId) {
      await step.run("request-invoice-pdf", () =>
        withOutbox(() => withSystem("stripe event: request invoice pdf", (tx) => enqueue(tx, invoicePaid, { orgId, actorId: null, stripeInvoiceId: objectId }))),
      );
    }
    // A failed email must not fail the sync above: each notice is its own step, retried on its own.
    if (orgId && type === "invoice.payment_failed") await step.run("email-payment-failed", () => notifyBillingManagers(orgId, "payment_failed"));
    if (orgId && type === "customer.subscription.trial_will_end") await step.run("email-trial-will-end", () => notifyBillingManagers(orgId, "trial_will_end"));
    await step.run("mark-processed", () => withSystem("stripe event: mark processed", (tx) => markStripeEventProcessed(tx, eventId)));
    return { orgId, changed: synced.changed, ledger: synced.ledger };
  },
);
