import "server-only";
import type Stripe from "stripe";
import { insertInvoiceDocument, upsertInvoice } from "@/db/queries/billing";
import { findOrg } from "@/db/queries/orgs";
import type { Invoice } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { asOrg } from "@/lib/webhooks/as-org";
import { renderInvoicePdf } from "./invoice-pdf";

const date = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** Keel's copy of a paid Stripe invoice: number, amounts, lines and period. */
export function invoiceRowOf(orgId: string, invoice: Stripe.Invoice) {
  const tax = (invoice.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0);
  return {
    orgId,
    stripeInvoiceId: invoice.id!,
    number: invoice.number ?? invoice.id!,
    currency: invoice.currency,
    subtotalCents: invoice.subtotal,
    taxCents: tax,
    totalCents: invoice.total,
    lines: invoice.lines.data.map((l) => ({ description: l.description ?? "Subscription", quantity: l.quantity ?? 1, amountCents: l.amount })),
    periodStart: date(invoice.lines.data[0]?.period.start ?? invoice.period_start),
    periodEnd: date(invoice.lines.data[0]?.period.end ?? invoice.period_end),
    paidAt: date(invoice.status_transitions?.paid_at) ?? new Date(),
  };
}

/** Stores the paid invoice (once: a second call returns the stored row). */
export async function storeInvoice(stripe: Stripe, orgId: string, stripeInvoiceId: string): Promise<Invoice> {
  const invoice = await stripe.invoices.retrieve(stripeInvoiceId);
  return withTenant(asOrg(orgId), (tx) => upsertInvoice(tx, invoiceRowOf(orgId, invoice)));
}

/**
 * Renders the invoice's PDF and stores it, unless it has one already (idempotent per invoice). Rendering happens
 * before the transaction, which only inserts. Returns whether this call stored it.
 */
export async function generateInvoiceDocument(orgId: string, invoice: Invoice): Promise<boolean> {
  const org = await withTenant(asOrg(orgId), (tx) => findOrg(tx, orgId));
  if (!org) return false;
  const pdf = await renderInvoicePdf({ invoice: { ...invoice, periodStart: invoice.periodStart && new Date(invoice.periodStart), periodEnd: invoice.periodEnd && new Date(invoice.periodEnd), paidAt: invoice.paidAt && new Date(invoice.paidAt) }, orgName: org.name });
  return withTenant(asOrg(orgId), async (tx) => {
    const stored = await insertInvoiceDocument(tx, orgId, invoice.id, pdf);
    if (stored) await recordAudit(tx, orgId, { action: "billing.invoice_generated", actorId: null, target: { type: "invoice", id: invoice.id }, metadata: { number: invoice.number } });
    return stored;
  });
}
