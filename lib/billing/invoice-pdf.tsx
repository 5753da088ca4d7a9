import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { Invoice } from "@/db/schema";
import { formatMoney } from "./money";

// Keel's invoice/receipt: one A4 page in the built-in Helvetica (nothing downloaded at render time). What a
// customer's accountant needs: who, number, dates, lines, tax, total, and that it is paid.

const ink = "#0f172a";
const muted = "#64748b";
const brand = "#4f46e5";

const styles = StyleSheet.create({
  page: { padding: 48, fontFamily: "Helvetica", fontSize: 10, color: ink },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start", marginBottom: 32 },
  brand: { fontFamily: "Helvetica-Bold", fontSize: 20, color: brand },
  title: { fontFamily: "Helvetica-Bold", fontSize: 14, textAlign: "right" },
  muted: { color: muted },
  paid: { marginTop: 4, color: "#15803d", fontFamily: "Helvetica-Bold", textAlign: "right" },
  meta: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  label: { color: muted, fontSize: 8, textTransform: "uppercase", marginBottom: 2 },
  table: { borderTopWidth: 1, borderColor: "#e2e8f0" },
  row: { flexDirection: "row", paddingVertical: 8, borderBottomWidth: 1, borderColor: "#e2e8f0" },
  description: { flex: 1 },
  qty: { width: 50, textAlign: "right" },
  amount: { width: 90, textAlign: "right" },
  totals: { marginTop: 12, marginLeft: "auto", width: 220 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 3 },
  grand: { fontFamily: "Helvetica-Bold", fontSize: 12, borderTopWidth: 1, borderColor: ink, paddingTop: 6, marginTop: 3 },
  footer: { position: "absolute", bottom: 36, left: 48, right: 48, color: muted, fontSize: 8, textAlign: "center" },
});


const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

/** What the PDF prints: the stored invoice and its organization. */
export type InvoiceDocumentInput = { invoice: Pick<Invoice, "number" | "currency" | "subtotalCents" | "taxCents" | "totalCents" | "lines" | "periodStart" | "periodEnd" | "paidAt">; orgName: string };

function InvoiceDocument({ invoice, orgName }: InvoiceDocumentInput) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return (
    <Document title={`Invoice ${invoice.number}`} author="Keel" creator="Keel">
      <Page size="A4" style={styles.page}>
        <View style={styles.header}>
          <Text style={styles.brand}>Keel</Text>
          <View>
            <Text style={styles.title}>Invoice {invoice.number}</Text>
            {invoice.paidAt ? <Text style={styles.paid}>Paid {day(invoice.paidAt)}</Text> : null}
          </View>
        </View>
        <View style={styles.meta}>
          <View>
            <Text style={styles.label}>Billed to</Text>
            <Text>{orgName}</Text>
          </View>
          <View>
            <Text style={styles.label}>Service period</Text>
            <Text>
              {day(invoice.periodStart)} to {day(invoice.periodEnd)}
            </Text>
          </View>
        </View>
        <View style={styles.table}>
          <View style={styles.row}>
            <Text style={[styles.description, styles.muted]}>Description</Text>
            <Text style={[styles.qty, styles.muted]}>Qty</Text>
            <Text style={[styles.amount, styles.muted]}>Amount</Text>
          </View>
          {invoice.lines.map((line, i) => (
            <View key={i} style={styles.row}>
              <Text style={styles.description}>{line.description}</Text>
              <Text style={styles.qty}>{line.quantity}</Text>
              <Text style={styles.amount}>{money(line.amountCents)}</Text>
            </View>
          ))}
        </View>
        <View style={styles.totals}>
          <View style={styles.totalRow}>
            <Text style={styles.muted}>Subtotal</Text>
            <Text>{money(invoice.subtotalCents)}</Text>
          </View>
          <View style={styles.totalRow}>
            <Text style={styles.muted}>Tax</Text>
            <Text>{money(invoice.taxCents)}</Text>
          </View>
          <View style={[styles.totalRow, styles.grand]}>
            <Text>Total</Text>
            <Text>{money(invoice.totalCents)}</Text>
          </View>
        </View>
        <Text style={styles.footer}>Keel · Questions about this invoice? Reply to the receipt email.</Text>
      </Page>
    </Document>
  );
}

/** Renders the invoice as PDF bytes. */
export async function renderInvoicePdf(input: InvoiceDocumentInput): Promise<Buffer> {
  return renderToBuffer(<InvoiceDocument {...input} />);
}
