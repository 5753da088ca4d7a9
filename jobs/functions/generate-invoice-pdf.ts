import { requireStripe } from "@/lib/billing/stripe";
import { notifyBillingManagers } from "@/lib/billing/notify";
import { formatMoney } from "@/lib/billing/money";
import { generateInvoiceDocument, storeInvoice } from "@/lib/billing/record-invoice";
import { appUrl } from "@/lib/env";
import { inngest } from "../client";
import { invoicePaid } from "../events";
import { findOrg } from "@/db/queries/orgs";
import { withTenant } from "@/db/tenant";
import { asOrg } from "@/lib/webhooks/as-org";

/**
 * A paid invoice becomes Keel's invoice row and a branded PDF (stored in invoice_documents), then a receipt email
 * linking to it. Idempotent per invoice: a second run finds both stored and sends no second receipt.
 */
export const generateInvoicePdf = inngest.createFunction(
  { id: "generate-invoice-pdf", triggers: [invoicePaid], retries: 5, concurrency: [{ key: "event.data.orgId", limit: 2 }] },
  async ({ event, step }) => {
    const { orgId, stripeInvoiceId } = event.data;
    const invoice = await step.run("store-invoice", () => storeInvoice(requireStripe(), orgId, stripeInvoiceId));
    const stored = await step.run("render-pdf", () => generateInvoiceDocument(orgId, { ...invoice, createdAt: new Date(invoice.createdAt), ...dates(invoice) }));
    if (stored) {
      await step.run("email-receipt", async () => {
        const org = await withTenant(asOrg(orgId), (tx) => findOrg(tx, orgId));
        return notifyBillingManagers(orgId, "receipt", {
          invoiceNumber: invoice.number,
          amount: formatMoney(invoice.totalCents, invoice.currency),
          invoiceUrl: `${appUrl()}/${org?.slug ?? ""}/settings/billing/invoices/${invoice.id}`,
        });
      });
    }
    return { invoiceId: invoice.id, stored };
  },
);

// Step results come back as JSON: turn the invoice's date strings into dates again.
function dates(invoice: { periodStart: string | null; periodEnd: string | null; paidAt: string | null }) {
  const d = (v: string | null) => (v ? new Date(v) : null);
  return { periodStart: d(invoice.periodStart), periodEnd: d(invoice.periodEnd), paidAt: d(invoice.paidAt) };
}
