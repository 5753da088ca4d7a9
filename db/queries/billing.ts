import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import {
  invitations,
  invoiceDocuments,
  invoices,
  memberships,
  organizations,
  stripeEvents,
  subscriptionChanges,
  subscriptions,
  type Invoice,
  type NewInvoice,
  type Subscription,
  type SubscriptionChange,
} from "../schema";
import type { Tx } from "../tenant";

/** The organization's billing row (its Stripe customer and subscription), or null before its first checkout. */
export async function findSubscription(tx: Tx, orgId: string): Promise<Subscription | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.orgId, orgId));
  return row ?? null;
}

/** The billing row of a Stripe customer (withSystem: a webhook does not know the organization yet). */
export async function findSubscriptionByCustomer(tx: Tx, customerId: string): Promise<Subscription | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.stripeCustomerId, customerId));
  return row ?? null;
}

/** The same row, locked until the transaction ends: the billing sync's one writer at a time per customer. */
export async function lockSubscriptionByCustomer(tx: Tx, customerId: string): Promise<Subscription | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.stripeCustomerId, customerId)).for("update");
  return row ?? null;
}

/** Records the organization's Stripe customer; keeps the one already there. Returns the row as stored. */
export async function insertCustomer(tx: Tx, orgId: string, stripeCustomerId: string): Promise<Subscription> {
  await tx.insert(subscriptions).values({ orgId, stripeCustomerId }).onConflictDoNothing({ target: subscriptions.orgId });
  return (await findSubscription(tx, orgId))!;
}

/** Writes the subscription state the sync read from Stripe. */
export async function updateSubscriptionRow(tx: Tx, orgId: string, values: Partial<Omit<Subscription, "orgId" | "stripeCustomerId" | "createdAt">>): Promise<void> {
  await tx
    .update(subscriptions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(subscriptions.orgId, orgId));
}

/** Sets the organization's plan column (what it pays for, "free" without a live subscription). */
export async function setOrgPlan(tx: Tx, orgId: string, plan: string): Promise<void> {
  await tx.update(organizations).set({ plan, updatedAt: sql`now()` }).where(eq(organizations.id, orgId));
}

/** Appends a row to the recurring revenue ledger. */
export async function insertSubscriptionChange(tx: Tx, row: typeof subscriptionChanges.$inferInsert): Promise<void> {
  await tx.insert(subscriptionChanges).values(row);
}

/** The organization's ledger, oldest first. */
export function listSubscriptionChanges(tx: Tx, orgId: string): Promise<SubscriptionChange[]> {
  return tx.select().from(subscriptionChanges).where(eq(subscriptionChanges.orgId, orgId)).orderBy(subscriptionChanges.at, subscriptionChanges.id);
}

/**
 * Locks the organization's row until the transaction ends and returns what its entitlements are computed from.
 * Writers that check a plan limit take this lock first, so two of them cannot both count below the limit.
 */
export async function lockOrgBilling(
  tx: Tx,
  orgId: string,
): Promise<{ slug: string; plan: string; status: string | null; pastDueSince: Date | null; subscribed: boolean; compPlan: string | null } | null> {
  const [org] = await tx.select({ plan: organizations.plan, slug: organizations.slug, compPlan: organizations.compPlan }).from(organizations).where(eq(organizations.id, orgId)).for("update");
  if (!org) return null;
  const found = await findSubscription(tx, orgId);
  // A customer row without a subscription status (never subscribed) leaves the organization's own plan in force.
  const sub = found?.status ? found : null;
  return { slug: org.slug, plan: sub?.plan ?? org.plan, status: sub?.status ?? null, pastDueSince: sub?.pastDueSince ?? null, subscribed: Boolean(sub), compPlan: org.compPlan };
}

/** Members plus invitations still open: the seats an organization has given or promised. */
export async function countSeatsTaken(tx: Tx, orgId: string, now: Date): Promise<{ members: number; pending: number }> {
  const [m] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
  const [i] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
  return { members: m?.n ?? 0, pending: i?.n ?? 0 };
}

/** How many members the organization has (a per-seat subscription's quantity). */
export async function countMembers(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
  return row?.n ?? 0;
}

/** Every organization's Stripe customer (withSystem: the daily reconciliation). */
export async function listCustomers(tx: Tx): Promise<Array<{ orgId: string; stripeCustomerId: string }>> {
  return tx.select({ orgId: subscriptions.orgId, stripeCustomerId: subscriptions.stripeCustomerId }).from(subscriptions).orderBy(subscriptions.orgId);
}

/** Records a Stripe event's id; false when it was already there (a redelivery: do nothing). */
export async function insertStripeEvent(tx: Tx, event: { id: string; type: string; customerId: string | null }): Promise<boolean> {
  const rows = await tx.insert(stripeEvents).values(event).onConflictDoNothing().returning({ id: stripeEvents.id });
  return rows.length === 1;
}

/** Marks a Stripe event processed. */
export async function markStripeEventProcessed(tx: Tx, id: string): Promise<void> {
  await tx.update(stripeEvents).set({ processedAt: sql`now()` }).where(eq(stripeEvents.id, id));
}

/** Stores a paid invoice (once per Stripe invoice: a second call returns the first row). */
export async function upsertInvoice(tx: Tx, row: NewInvoice): Promise<Invoice> {
  await tx.insert(invoices).values(row).onConflictDoNothing({ target: [invoices.orgId, invoices.stripeInvoiceId] });
  const [stored] = await tx.select().from(invoices).where(and(eq(invoices.orgId, row.orgId), eq(invoices.stripeInvoiceId, row.stripeInvoiceId)));
  return stored!;
}

/** Stores an invoice's PDF unless it already has one; true when this call stored it. */
export async function insertInvoiceDocument(tx: Tx, orgId: string, invoiceId: string, pdf: Buffer): Promise<boolean> {
  const rows = await tx.insert(invoiceDocuments).values({ orgId, invoiceId, pdf }).onConflictDoNothing().returning({ id: invoiceDocuments.invoiceId });
  return rows.length === 1;
}

/** An invoice of the current organization and its PDF, or null. */
export async function findInvoiceDocument(tx: Tx, invoiceId: string): Promise<{ invoice: Invoice; pdf: Buffer } | null> {
  const [row] = await tx
    .select({ invoice: invoices, pdf: invoiceDocuments.pdf })
    .from(invoices)
    .innerJoin(invoiceDocuments, and(eq(invoiceDocuments.invoiceId, invoices.id), eq(invoiceDocuments.orgId, invoices.orgId)))
    .where(eq(invoices.id, invoiceId));
  return row ?? null;
}

/** The current organization's invoices, newest first, with whether their PDF is ready. */
export function listInvoices(tx: Tx, limit = 24) {
  return tx
    .select({
      id: invoices.id,
      number: invoices.number,
      totalCents: invoices.totalCents,
      currency: invoices.currency,
      paidAt: invoices.paidAt,
      periodStart: invoices.periodStart,
      periodEnd: invoices.periodEnd,
      hasPdf: sql<boolean>`exists (select 1 from ${invoiceDocuments} d where d.invoice_id = ${invoices.id})`,
    })
    .from(invoices)
    .orderBy(desc(invoices.createdAt))
    .limit(limit);
}
