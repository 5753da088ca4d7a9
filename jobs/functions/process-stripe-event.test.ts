// Stripe webhooks end to end: the Stripe fake signs events and posts them to the real webhook route, which records
// and enqueues them; the dev executor drives the real /api/inngest route through process-stripe-event (syncing
// from the fake's current state), generate-invoice-pdf and sync-seats.
import { and, eq } from "drizzle-orm";
import { getDocumentProxy, extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { latestEmailTo } from "@/db/queries/dev-emails";
import { auditLogs, invoiceDocuments, invoices, outboxEvents, stripeEvents, subscriptionChanges, subscriptions, users } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { startDevExecutor, type DevExecutor } from "@/scripts/inngest-dev";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { createOrgWithOwner } from "@/test/fixtures";
import { freePort, serveRouteHandlers } from "@/test/serve-route-handlers";
import { startStripeFake, type StripeFake } from "@/test/stripe-fake";
import { eventually } from "@/test/webhook-receiver";

const SECRET = "whsec_test_process";
const executorPort = await freePort();
const fake: StripeFake = await startStripeFake({ webhookSecret: SECRET });
stubEnv("INNGEST_DEV", `http://127.0.0.1:${executorPort}`);
stubEnv("EMAIL_TRANSPORT", "dev-mailbox");
stubEnv("STRIPE_SECRET_KEY", "sk_test_keel");
stubEnv("STRIPE_WEBHOOK_SECRET", SECRET);
stubEnv("UNSAFE_STRIPE_API_URL", fake.url);

const inngestRoute = await import("@/app/api/inngest/route");
const stripeRoute = await import("@/app/api/webhooks/stripe/route");
const { withOutbox } = await import("@/lib/outbox");
const { requireStripe } = await import("@/lib/billing/stripe");
const { syncCatalog } = await import("@/lib/billing/catalog");
const { startCheckout } = await import("@/lib/billing/checkout");
const { reconcileCustomers } = await import("@/lib/billing/reconcile");
const { entitlementsOf } = await import("@/lib/billing/entitlements");
const { log } = await import("@/lib/log");
const { inviteMember } = await import("@/lib/orgs/invite-member");
const { acceptInvitation } = await import("@/lib/orgs/accept-invitation");
const { leaveOrg } = await import("@/lib/orgs/leave-org");

let app: Awaited<ReturnType<typeof serveRouteHandlers>>;
let webhook: Awaited<ReturnType<typeof serveRouteHandlers>>;
let executor: DevExecutor;

beforeAll(async () => {
  app = await serveRouteHandlers(inngestRoute);
  webhook = await serveRouteHandlers(stripeRoute);
  fake.setWebhookUrl(`${webhook.url}/api/webhooks/stripe`);
  executor = await startDevExecutor({ serveUrl: `${app.url}/api/inngest`, port: executorPort, baseBackoffMs: 20, syncIntervalMs: 0, log: () => {} });
  await executor.sync();
  await syncCatalog(requireStripe());
}, 30_000);

afterAll(async () => {
  await executor?.stop();
  await Promise.all([app?.close(), webhook?.close(), fake.close()]);
  await closeDatabase();
  unstubAllEnvs();
});

/** An organization whose owner went through checkout for `plan`: the customer exists, the session is open. */
async function checkedOut(label: string, plan: "pro" | "business" = "pro") {
  const { org, user } = await createOrgWithOwner(label);
  const ctx = { orgId: org.id, slug: org.slug, name: org.name, plan: org.plan, role: "owner" as const, userId: user.id };
  const url = await startCheckout(ctx, { plan, interval: "month" }, { email: user.email, origin: "http://localhost:3000" });
  const sessionId = url.split("/").pop()!;
  const customerId = fake.sessions.get(sessionId)!.customer as string;
  return { org, user, ctx, sessionId, customerId };
}

const rowOf = (orgId: string) => withSystem("test", async (tx) => (await tx.select().from(subscriptions).where(eq(subscriptions.orgId, orgId)))[0]!);
const ledgerOf = (orgId: string) => withSystem("test", (tx) => tx.select().from(subscriptionChanges).where(eq(subscriptionChanges.orgId, orgId)).orderBy(subscriptionChanges.at, subscriptionChanges.id));
/** The completed process-stripe-event runs of these Stripe events (found through the outbox rows that started them). */
async function processedRuns(stripeEventIds: string[]) {
  const rows = await withSystem("test", (tx) => tx.select({ id: outboxEvents.id, data: outboxEvents.data }).from(outboxEvents).where(eq(outboxEvents.name, "stripe/event.received")));
  const ids = rows.filter((r) => stripeEventIds.includes((r.data as { eventId: string }).eventId)).map((r) => r.id);
  return executor.runs().filter((r) => r.functionId.endsWith("process-stripe-event") && r.status === "completed" && ids.includes(r.eventId));
}

async function post(body: string, signature: string) {
  return fetch(`${webhook.url}/api/webhooks/stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body });
}

describe("the Stripe webhook route", () => {
  it("answers 400 to a bad signature and stores nothing", async () => {
    const { customerId } = await checkedOut("badsig");
    const event = fake.event("customer.subscription.updated", { id: "sub_x", object: "subscription", customer: customerId });
    const forged = fake.event("customer.subscription.updated", { id: "sub_y", object: "subscription", customer: customerId });
    for (const signature of ["", "t=1,v1=deadbeef", forged.header]) {
      const response = await post(event.payload, signature);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "bad_request", message: "The Stripe-Signature header does not verify." } });
    }
    // A body changed after signing fails too: verification is on the raw bytes.
    expect((await post(event.payload.replace("sub_x", "sub_z"), event.header)).status).toBe(400);
    const stored = await withSystem("test", (tx) => tx.select().from(stripeEvents).where(eq(stripeEvents.id, event.id)));
    expect(stored).toEqual([]);
  });

  it("processes the same event delivered 5 times once", async () => {
    const { customerId, sessionId } = await checkedOut("replay");
    const session = fake.sessions.get(sessionId)!;
    fake.createSubscription({ customer: customerId, price: fake.priceByLookupKey("keel_pro_monthly")!.id });
    const event = fake.event("checkout.session.completed", session);
    const statuses = await Promise.all(Array.from({ length: 5 }, () => post(event.payload, event.header).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await eventually(async () => (await processedRuns([event.id])).length === 1, 15_000, "the event to be processed");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await processedRuns([event.id])).toHaveLength(1);
    const [stored] = await withSystem("test", (tx) => tx.select().from(stripeEvents).where(eq(stripeEvents.id, event.id)));
    expect(stored).toMatchObject({ type: "checkout.session.completed", customerId });
    expect(stored!.processedAt).toBeInstanceOf(Date);
    const outbox = await withSystem("test", (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.name, "stripe/event.received")));
    expect(outbox.filter((o) => (o.data as { eventId: string }).eventId === event.id)).toHaveLength(1);
  });
});

describe("processing", () => {
  it("ends in Stripe's final state whatever the order of the events, with a complete ledger", async () => {
    const { org, customerId } = await checkedOut("order");
    const pro = fake.priceByLookupKey("keel_pro_monthly")!.id;
    const { subscription } = fake.createSubscription({ customer: customerId, price: pro, trialDays: 14 });
    const events = [fake.event("customer.subscription.created", subscription)];
    fake.setSubscription(subscription.id, { status: "active" });
    events.push(fake.event("customer.subscription.updated", subscription));
    fake.setSubscription(subscription.id, { status: "active", price: fake.priceByLookupKey("keel_business_monthly")!.id, quantity: 4 });
    events.push(fake.event("customer.subscription.updated", subscription));
    // Delivered newest first: every sync reads Stripe now, so the first one processed already writes the end state.
    for (const e of [...events].reverse()) expect((await fake.deliver(e, `${webhook.url}/api/webhooks/stripe`))).toBe(200);
    await eventually(async () => (await processedRuns(events.map((e) => e.id))).length === 3, 20_000, "all three events");

    expect(await rowOf(org.id)).toMatchObject({ plan: "business", status: "active", seats: 4, mrrCents: 4 * 1900, stripeSubscriptionId: subscription.id, paymentMethod: "Visa •••• 4242" });
    expect((await entitlementsOf(org.id)).plan.id).toBe("business");
    const ledger = await ledgerOf(org.id);
    expect(ledger.map((l) => [l.reason, l.planBefore, l.planAfter, l.mrrBeforeCents, l.mrrAfterCents])).toEqual([["new", "free", "business", 0, 7600]]);
    const audit = await withSystem("test", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.orgId, org.id), eq(auditLogs.action, "billing.plan_changed"))));
    expect(audit).toHaveLength(1);

    // Canceled in Stripe: one more event, and the organization is on Free again, its data untouched.
    fake.setSubscription(subscription.id, { status: "canceled" });
    const deleted = fake.event("customer.subscription.deleted", subscription);
    await fake.deliver(deleted, `${webhook.url}/api/webhooks/stripe`);
    await eventually(async () => (await processedRuns([deleted.id])).length === 1, 15_000, "the cancellation");
    expect(await rowOf(org.id)).toMatchObject({ status: "canceled", mrrCents: 0 });
    expect((await entitlementsOf(org.id)).plan.id).toBe("free");
    expect((await ledgerOf(org.id)).at(-1)).toMatchObject({ reason: "cancel", planBefore: "business", planAfter: "free", mrrBeforeCents: 7600, mrrAfterCents: 0 });
  });

  it("turns a paid invoice into a stored PDF with its number and amount, and a receipt email", async () => {
    const { org, user, sessionId } = await checkedOut("invoice");
    fake.sessions.get(sessionId)!.subscription_data = {};
    const back = await fake.completeCheckout(sessionId);
    expect(back).toContain("checkout=success");
    const invoice = [...fake.invoices.values()].at(-1)!;
    const doc = await eventually(
      () => withTenant({ orgId: org.id, userId: user.id }, async (tx) => (await tx.select().from(invoiceDocuments))[0]),
      20_000,
      "the invoice PDF",
    );
    const [row] = await withTenant({ orgId: org.id, userId: user.id }, (tx) => tx.select().from(invoices));
    expect(row).toMatchObject({ number: invoice.number, totalCents: 2900, stripeInvoiceId: invoice.id });
    const text = await extractText(await getDocumentProxy(new Uint8Array(doc.pdf)), { mergePages: true });
    expect(text.text).toContain(`Invoice ${invoice.number as string}`);
    expect(text.text).toContain("$29.00");
    expect(text.text).toContain(org.name);
    const email = await eventually(() => latestEmailTo(user.email), 15_000, "the receipt");
    expect(email.subject).toBe(`Your Keel receipt ${invoice.number as string}`);
    expect(email.text).toContain(`/settings/billing/invoices/${row!.id}`);

    // Stripe resends invoice.paid: still one invoice, one PDF.
    const again = fake.event("invoice.paid", invoice);
    await fake.deliver(again, `${webhook.url}/api/webhooks/stripe`);
    await eventually(async () => (await processedRuns([again.id])).length === 1, 15_000, "the resend");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await withTenant({ orgId: org.id, userId: user.id }, (tx) => tx.select().from(invoiceDocuments))).toHaveLength(1);
  });

  it("emails every billing manager when a payment fails", async () => {
    const { customerId, user } = await checkedOut("dunning");
    const { subscription, invoice } = fake.createSubscription({ customer: customerId, price: fake.priceByLookupKey("keel_pro_monthly")!.id });
    fake.setSubscription(subscription.id, { status: "past_due" });
    const failed = fake.event("invoice.payment_failed", invoice);
    await fake.deliver(failed, `${webhook.url}/api/webhooks/stripe`);
    const email = await eventually(async () => {
      const e = await latestEmailTo(user.email);
      return e?.subject.startsWith("Payment failed") ? e : null;
    }, 15_000, "the dunning email");
    expect(email.text).toContain("Update payment method");
  });
});

describe("reconciliation", () => {
  it("repairs a row that drifted from Stripe and logs it", async () => {
    const { org, customerId } = await checkedOut("drift");
    const { subscription } = fake.createSubscription({ customer: customerId, price: fake.priceByLookupKey("keel_pro_monthly")!.id });
    expect(await reconcileCustomers(requireStripe(), [customerId])).toMatchObject([{ orgId: org.id, ledger: "new" }]);
    // A missed webhook: Stripe says 3 seats of Business, Keel still says Pro.
    fake.setSubscription(subscription.id, { price: fake.priceByLookupKey("keel_business_monthly")!.id, quantity: 3 });
    const warn = vi.spyOn(log, "warn");
    const repairs = await reconcileCustomers(requireStripe(), [customerId]);
    expect(repairs).toEqual([{ orgId: org.id, customerId, fields: ["plan", "seats", "mrrCents"], ledger: "upgrade" }]);
    expect(warn).toHaveBeenCalledWith(repairs[0], "reconcile-billing: repaired a subscription that had drifted from Stripe");
    warn.mockRestore();
    expect(await rowOf(org.id)).toMatchObject({ plan: "business", seats: 3, mrrCents: 5700 });
    expect(await reconcileCustomers(requireStripe(), [customerId])).toEqual([]);
  });

  it("runs daily as one reconcile-customer run per customer, in the concurrency slot process-stripe-event takes", async () => {
    const { org, customerId } = await checkedOut("daily");
    const { subscription } = fake.createSubscription({ customer: customerId, price: fake.priceByLookupKey("keel_pro_monthly")!.id });
    await reconcileCustomers(requireStripe(), [customerId]);
    fake.setSubscription(subscription.id, { price: fake.priceByLookupKey("keel_business_monthly")!.id, quantity: 2 });
    const cronRun = await executor.runNow("keel-reconcile-billing");
    expect((await executor.waitForRun((r) => r.id === cronRun && r.status !== "running", 15_000)).status).toBe("completed");
    await eventually(async () => (await rowOf(org.id)).plan === "business", 15_000, "the daily reconcile to repair the drift");
    expect(executor.runs().some((r) => r.functionId.endsWith("reconcile-customer") && r.status === "completed")).toBe(true);
    // One slot per customer across both functions: scoped to the environment, keyed the same way.
    const { processStripeEvent } = await import("./process-stripe-event");
    const { reconcileCustomer } = await import("./reconcile-customer");
    const slot = { scope: "env", key: '"billing-sync:" + event.data.customerId', limit: 1 };
    expect(processStripeEvent.opts.concurrency).toEqual([slot]);
    expect(reconcileCustomer.opts.concurrency).toEqual([slot]);
  });
});

describe("seats", () => {
  it("follow the member count of a per-seat plan: after an invitation is accepted and after a member leaves", async () => {
    const { org, user, ctx, customerId } = await checkedOut("seatsync", "business");
    const { subscription } = fake.createSubscription({ customer: customerId, price: fake.priceByLookupKey("keel_business_monthly")!.id });
    await reconcileCustomers(requireStripe(), [customerId]);
    const quantity = () => (subscription.items as { data: Array<{ quantity: number }> }).data[0]!.quantity;

    const email = `joiner-${org.id.slice(0, 8)}@example.test`;
    const [joiner] = await withSystem("test", (tx) => tx.insert(users).values({ email, emailVerified: new Date() }).returning());
    const { token } = await withOutbox(() => withTenant({ orgId: org.id, userId: user.id }, (tx) => inviteMember(tx, ctx, { email, role: "member" }, { name: "Owner", origin: "http://x.test" })));
    await withOutbox(() => acceptInvitation({ id: joiner!.id, email, emailVerified: true }, token));
    await eventually(() => quantity() === 2, 15_000, "the quantity to follow the join");
    const update = fake.calls.filter((c) => c.method === "POST" && c.path === `/v1/subscriptions/${subscription.id}`).at(-1)!;
    expect(update.params).toMatchObject({ proration_behavior: "create_prorations", items: [{ quantity: "2" }] });
    await eventually(async () => (await rowOf(org.id)).seats === 2, 15_000, "Keel's row to follow");

    const joinerCtx = { ...ctx, role: "member" as const, userId: joiner!.id };
    await withOutbox(() => withTenant({ orgId: org.id, userId: joiner!.id }, (tx) => leaveOrg(tx, joinerCtx)));
    await eventually(() => quantity() === 1, 15_000, "the quantity to follow the leave");
    await eventually(async () => (await rowOf(org.id)).seats === 1, 15_000, "Keel's row to follow");
    const ledger = await ledgerOf(org.id);
    expect(ledger.map((l) => [l.reason, l.seatsBefore, l.seatsAfter, l.mrrAfterCents])).toEqual([
      ["new", 0, 1, 1900],
      ["seat_change", 1, 2, 3800],
      ["seat_change", 2, 1, 1900],
    ]);
    const seatAudits = await withSystem("test", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.orgId, org.id), eq(auditLogs.action, "billing.seats_changed"))));
    expect(seatAudits).toHaveLength(2);
  });
});
