import { z } from "zod";
import { findInvoiceDocument } from "@/db/queries/billing";
import type { Tx } from "@/db/tenant";
import { AppError } from "@/lib/errors";

/** The stored PDF of one of the current organization's invoices, as a download (RLS scopes the lookup). */
export async function downloadInvoice(tx: Tx, invoiceId: string | undefined): Promise<Response> {
  if (!z.uuid().safeParse(invoiceId).success) throw new AppError("not_found", "No such invoice.");
  const found = await findInvoiceDocument(tx, invoiceId!);
  if (!found) throw new AppError("not_found", "No such invoice.");
  const name = `keel-invoice-${found.invoice.number.replace(/[^A-Za-z0-9_-]/g, "")}.pdf`;
  return new Response(new Uint8Array(found.pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" },
  });
}
