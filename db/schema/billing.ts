import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { orgIdColumn, tenantPolicy } from "./tenancy";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

// An organization's Stripe customer and, once it has one, its subscription as Stripe last said it was. Written only
// by the billing sync (lib/billing/sync-customer.ts), which always copies Stripe's current state: never a stale
// webhook payload. One row per organization, created with the customer at its first checkout.
export const subscriptions = pgTable(
  "subscriptions",
  {
    orgId: orgIdColumn()
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    stripeCustomerId: text("stripe_customer_id").notNull().unique(),
    stripeSubscriptionId: text("stripe_subscription_id"),
    // The plan paid for ("free" without a live subscription) and Stripe's status (null: never subscribed).
    plan: text("plan").notNull().default("free"),
    interval: text("interval", { enum: ["month", "year"] }),
    status: text("status"),
    seats: integer("seats").notNull().default(0),
    mrrCents: integer("mrr_cents").notNull().default(0),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    trialEnd: timestamp("trial_end", { withTimezone: true }),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    // When the subscription became past_due: the grace period of its entitlements counts from here.
    pastDueSince: timestamp("past_due_since", { withTimezone: true }),
    // "Visa •••• 4242": a summary for the billing page, never more of the card.
    paymentMethod: text("payment_method"),
    syncedAt: timestamp("synced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantPolicy(t.orgId)],
);

// The ledger of recurring revenue: one row for every change of an organization's MRR or plan, appended by the sync
// in the same transaction as the change. Admin metrics (MRR movements, churn) are computed from it alone.
export const subscriptionChanges = pgTable(
  "subscription_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason", { enum: ["new", "upgrade", "downgrade", "seat_change", "cancel", "reactivation"] }).notNull(),
    planBefore: text("plan_before").notNull(),
    planAfter: text("plan_after").notNull(),
    mrrBeforeCents: integer("mrr_before_cents").notNull(),
    mrrAfterCents: integer("mrr_after_cents").notNull(),
    seatsBefore: integer("seats_before").notNull(),
    seatsAfter: integer("seats_after").notNull(),
    stripeSubscriptionId: text("stripe_subscription_id"),
  },
  (t) => [index("subscription_changes_org_id_at_idx").on(t.orgId, t.at), index("subscription_changes_at_idx").on(t.at), tenantPolicy(t.orgId)],
);

// A paid invoice as Keel shows it (copied from Stripe when it is paid) and its generated PDF.
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    stripeInvoiceId: text("stripe_invoice_id").notNull(),
    number: text("number").notNull(),
    currency: text("currency").notNull(),
    subtotalCents: integer("subtotal_cents").notNull(),
    taxCents: integer("tax_cents").notNull(),
    totalCents: integer("total_cents").notNull(),
    lines: jsonb("lines").$type<InvoiceLine[]>().notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }),
    periodEnd: timestamp("period_end", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("invoices_org_id_stripe_invoice_id_key").on(t.orgId, t.stripeInvoiceId), index("invoices_org_id_created_at_idx").on(t.orgId, t.createdAt), tenantPolicy(t.orgId)],
);

export const invoiceDocuments = pgTable(
  "invoice_documents",
  {
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    pdf: bytea("pdf").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.invoiceId] }), tenantPolicy(t.orgId)],
);

// Every Stripe event Keel accepted, by Stripe's id: a redelivery finds its id here and is not processed again.
// Platform table (no org_id): the webhook route writes it through withSystem before it knows the organization.
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    customerId: text("customer_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [index("stripe_events_received_at_idx").on(t.receivedAt)],
);

/** One line of an invoice as printed. */
export type InvoiceLine = { description: string; quantity: number; amountCents: number };
export type Subscription = typeof subscriptions.$inferSelect;
export type NewSubscription = typeof subscriptions.$inferInsert;
export type SubscriptionChange = typeof subscriptionChanges.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
