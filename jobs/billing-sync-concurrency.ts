/**
 * The one concurrency slot per Stripe customer (one customer per organization) that every function running the
 * billing sync takes: process-stripe-event and reconcile-customer. Scoped to the environment, not the function, so
 * a webhook's sync and the daily reconcile of the same customer never interleave (each reads Stripe, then writes:
 * interleaved, the older read could be written last).
 */
export const billingSyncConcurrency = { scope: "env", key: '"billing-sync:" + event.data.customerId', limit: 1 } as const;
