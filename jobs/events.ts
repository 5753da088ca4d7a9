import { eventType } from "inngest";
import { z } from "zod";
import { sendEmailSchema } from "@/lib/email/render";

// What every event carries: the organization (where there is one), who acted, and the request that caused it.
const envelope = {
  orgId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  requestId: z.string().min(1),
};

/** Fields every event's data has; `enqueue` fills `requestId` from the current request. */
export type EventEnvelope = { orgId: string | null; actorId: string | null; requestId: string };

/** An email to render and send through the configured transport. */
export const emailSendRequested = eventType("email/send.requested", {
  schema: z.object({ ...envelope, email: sendEmailSchema }),
});

/** An owner asked to delete an organization; the delete-org job removes it and everything in it. */
export const orgDeletionRequested = eventType("org/deletion.requested", {
  schema: z.object({ ...envelope, orgId: z.uuid(), actorId: z.uuid(), slug: z.string() }),
});

/** A person asked to delete their account; the delete-account job removes it. */
export const accountDeletionRequested = eventType("account/deletion.requested", {
  schema: z.object({ ...envelope, userId: z.uuid() }),
});

/** A person asked for a copy of their data; the export-account-data job writes it to `account_exports`. */
export const accountExportRequested = eventType("account/export.requested", {
  schema: z.object({ ...envelope, userId: z.uuid(), exportId: z.uuid() }),
});

// What an event says about a project as it was when the change committed: webhooks send this, so a receiver
// sees each version, not whatever the row holds by the time a job runs (or nothing, after a delete).
const projectSnapshot = z.object({ id: z.uuid(), name: z.string(), description: z.string(), createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() });

/** A project was created, changed or deleted (for webhooks and analytics; the example of a domain event). */
export const projectChanged = eventType("org/project.changed", {
  schema: z.object({ ...envelope, orgId: z.uuid(), projectId: z.uuid(), change: z.enum(["created", "updated", "deleted"]), project: projectSnapshot }),
});

/** Someone joined or left an organization, or their role changed; `previousRole` is set for a role change. */
export const memberChanged = eventType("org/member.changed", {
  schema: z.object({
    ...envelope,
    orgId: z.uuid(),
    change: z.enum(["added", "removed", "role_changed"]),
    member: z.object({ userId: z.uuid(), email: z.string(), name: z.string().nullable(), role: z.enum(["owner", "admin", "member"]) }),
    previousRole: z.enum(["owner", "admin", "member"]).nullable(),
  }),
});

/** One webhook delivery to attempt (again, for a replay: `generation` is the delivery's newest). */
export const webhookDeliveryRequested = eventType("webhook/delivery.requested", {
  schema: z.object({ ...envelope, orgId: z.uuid(), endpointId: z.uuid(), deliveryId: z.uuid(), generation: z.number().int().min(0) }),
});

/** Stripe sent an event Keel stored (stripe_events); process-stripe-event syncs the customer from Stripe's current state. */
export const stripeEventReceived = eventType("stripe/event.received", {
  schema: z.object({ ...envelope, eventId: z.string().min(1), type: z.string().min(1), customerId: z.string().min(1), objectId: z.string().nullable() }),
});

/** An organization's plan, seats or billing status changed (written by the billing sync; published as a webhook). */
export const subscriptionUpdated = eventType("billing/subscription.updated", {
  schema: z.object({
    ...envelope,
    orgId: z.uuid(),
    plan: z.string(),
    status: z.string(),
    seats: z.number().int().min(0),
    currentPeriodEnd: z.iso.datetime().nullable(),
    cancelAtPeriodEnd: z.boolean(),
  }),
});

/** A Stripe invoice of the organization was paid; generate-invoice-pdf stores it and its PDF, and mails a receipt. */
export const invoicePaid = eventType("billing/invoice.paid", {
  schema: z.object({ ...envelope, orgId: z.uuid(), stripeInvoiceId: z.string().min(1) }),
});

/** A platform admin asked for the business metrics to be recomputed (days from `from` to `to`, UTC; absent: yesterday and today). */
export const metricsAggregateRequested = eventType("admin/metrics-aggregation.requested", {
  schema: z.object({
    ...envelope,
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  }),
});

/** The daily reconcile asks for one customer's billing sync; reconcile-customer runs it under the sync's concurrency key. */
export const billingReconcileRequested = eventType("billing/customer.reconcile-requested", {
  schema: z.object({ ...envelope, customerId: z.string().min(1) }),
});
