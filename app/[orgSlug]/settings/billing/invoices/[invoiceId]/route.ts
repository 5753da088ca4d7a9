import { downloadInvoice } from "@/lib/billing/invoices";
import { orgRoute } from "@/lib/route";

// GET /{orgSlug}/settings/billing/invoices/{invoiceId} - the invoice PDF (billing:manage)
export const GET = orgRoute({ permission: "billing:manage" }, ({ tx, params }) => downloadInvoice(tx, params.invoiceId));
