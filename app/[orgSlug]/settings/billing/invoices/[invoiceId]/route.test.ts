// GET /{orgSlug}/settings/billing/invoices/{invoiceId}: the PDF for billing:manage only; a member without it gets
// 403, a stranger 404, and another organization's invoice id is 404 even to an owner (RLS hides the row).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { invoiceDocuments, invoices, memberships, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { GET } from "./route";

afterAll(closeDatabase);

const PDF = Buffer.from("%PDF-1.4 test invoice");
let slug = "";
let invoiceId = "";
let otherInvoiceId = "";
const tokens = { owner: "", member: "", stranger: "" };

async function invoiceOf(orgId: string, number: string) {
  return withSystem("test: invoice with its pdf", async (tx) => {
    const [invoice] = await tx
      .insert(invoices)
      .values({ orgId, stripeInvoiceId: `in_${randomUUID()}`, number, currency: "usd", subtotalCents: 2900, taxCents: 0, totalCents: 2900, lines: [] })
      .returning();
    await tx.insert(invoiceDocuments).values({ orgId, invoiceId: invoice!.id, pdf: PDF });
    return invoice!.id;
  });
}

beforeAll(async () => {
  const { org, user: owner } = await createOrgWithOwner("invoices");
  const { org: other, user: stranger } = await createOrgWithOwner("invoices-other");
  const [member] = await withSystem("test: a member", async (tx) => {
    const rows = await tx.insert(users).values({ email: `member-${randomUUID()}@example.test` }).returning();
    await tx.insert(memberships).values({ orgId: org.id, userId: rows[0]!.id, role: "member" });
    return rows;
  });
  slug = org.slug;
  invoiceId = await invoiceOf(org.id, "KEEL-0042");
  otherInvoiceId = await invoiceOf(other.id, "KEEL-0043");
  tokens.owner = await createSession(owner.id);
  tokens.member = await createSession(member!.id);
  tokens.stranger = await createSession(stranger.id);
});

const download = (as: keyof typeof tokens, id: string) =>
  GET(new Request(`http://localhost/${slug}/settings/billing/invoices/${id}`, { headers: { cookie: `keel.session=${tokens[as]}` } }), {
    params: Promise.resolve({ orgSlug: slug, invoiceId: id }),
  });

describe("the invoice PDF download", () => {
  it("gives the owner (billing:manage) the PDF as an attachment", async () => {
    const response = await download("owner", invoiceId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="keel-invoice-KEEL-0042.pdf"');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
  });

  it("refuses a member without billing:manage with 403", async () => {
    const response = await download("member", invoiceId);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });

  it("answers 404 to someone outside the organization", async () => {
    expect((await download("stranger", invoiceId)).status).toBe(404);
  });

  it("answers 404 to the owner asking for another organization's invoice, or for nothing", async () => {
    expect((await download("owner", otherInvoiceId)).status).toBe(404);
    expect((await download("owner", randomUUID())).status).toBe(404);
    expect((await download("owner", "not-an-id")).status).toBe(404);
  });
});
