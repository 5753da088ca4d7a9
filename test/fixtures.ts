import { randomBytes, randomUUID } from "node:crypto";
import { insertSession } from "@/db/queries/sessions";
import { apiKeys, auditLogs, featureFlagOverrides, idempotencyKeys, invoiceDocuments, invoices, subscriptionChanges, subscriptions, invitations, memberships, organizations, outboxEvents, projects, usageDaily, users, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withSystem, withUser, type Tx } from "@/db/tenant";

/** A fresh organization with one owner (on the Free plan unless `plan` says otherwise), written around RLS (test setup only). */
export async function createOrgWithOwner(label = "org", options: { plan?: "free" | "pro" | "business" } = {}) {
  const suffix = randomUUID().slice(0, 8);
  return withSystem("test setup", async (tx) => {
    const [user] = await tx.insert(users).values({ email: `${label}-${suffix}@example.test`, name: `${label} owner` }).returning();
    const [org] = await tx.insert(organizations).values({ slug: `${label}-${suffix}`, name: `${label} ${suffix}`, plan: options.plan ?? "free" }).returning();
    await tx.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
    return { org: org!, user: user! };
  });
}

/** Where a factory writes: an organization, a member of it, and a user who belongs to no organization. */
export type Scope = { orgId: string; userId: string; outsiderId: string };

/** A user with no membership (test setup only). */
export async function createOutsider(): Promise<string> {
  const [user] = await withSystem("test setup", (tx) =>
    tx.insert(users).values({ email: `outsider-${randomUUID()}@example.test` }).returning({ id: users.id }),
  );
  return user!.id;
}

/**
 * One insertable row per tenant table, keyed by SQL table name. The cross-tenant test fails for any
 * tenant table in the catalog that has no entry here, so a new table cannot escape it.
 */
export const tenantRowFactories: Record<string, (tx: Tx, scope: Scope) => Promise<unknown>> = {
  memberships: (tx, { orgId, outsiderId }) => tx.insert(memberships).values({ orgId, userId: outsiderId, role: "member" }),
  invitations: (tx, { orgId, userId }) =>
    tx.insert(invitations).values({
      orgId,
      email: `i-${randomUUID()}@example.test`,
      tokenHash: randomUUID(),
      invitedBy: userId,
      expiresAt: new Date(Date.now() + 86_400_000),
    }),
  projects: (tx, { orgId, userId }) => tx.insert(projects).values({ orgId, name: "Project", createdBy: userId }),
  audit_logs: (tx, { orgId, userId }) => tx.insert(auditLogs).values({ orgId, actorId: userId, action: "test.created" }),
  outbox_events: (tx, { orgId }) => tx.insert(outboxEvents).values({ orgId, name: "test/thing.happened", data: { orgId } }),
  webhook_endpoints: (tx, scope) => insertWebhookEndpoint(tx, scope),
  api_keys: (tx, { orgId, userId }) =>
    tx.insert(apiKeys).values({ orgId, name: "Key", prefix: "keel_test_abcdefgh", keyHash: randomUUID(), scopes: ["projects:read"], createdBy: userId }),
  idempotency_keys: (tx, { orgId, userId }) => tx.insert(idempotencyKeys).values({ orgId, caller: `user:${userId}`, key: randomUUID(), requestHash: "h" }),
  usage_daily: (tx, { orgId }) => tx.insert(usageDaily).values({ orgId, day: `20${String(Math.floor(Math.random() * 90) + 10)}-01-01`, metric: "api_requests", count: 1 }),
  webhook_deliveries: (tx, scope) => insertWebhookDelivery(tx, scope),
  webhook_attempts: async (tx, scope) => {
    const delivery = await insertWebhookDelivery(tx, scope);
    await tx.insert(webhookAttempts).values({ orgId: scope.orgId, deliveryId: delivery.id, generation: 0, attempt: 1, succeeded: true, statusCode: 200, durationMs: 12 });
  },
  subscriptions: (tx, { orgId }) => tx.insert(subscriptions).values({ orgId, stripeCustomerId: `cus_${randomUUID()}` }),
  subscription_changes: (tx, { orgId }) =>
    tx.insert(subscriptionChanges).values({ orgId, reason: "new", planBefore: "free", planAfter: "pro", mrrBeforeCents: 0, mrrAfterCents: 2900, seatsBefore: 0, seatsAfter: 1 }),
  invoices: (tx, scope) => insertInvoice(tx, scope),
  feature_flag_overrides: (tx, { orgId, userId }) => tx.insert(featureFlagOverrides).values({ orgId, flagKey: "projects.quick_filter", enabled: true, createdBy: userId }),
  invoice_documents: async (tx, scope) => {
    const invoice = await insertInvoice(tx, scope);
    await tx.insert(invoiceDocuments).values({ orgId: scope.orgId, invoiceId: invoice.id, pdf: Buffer.from("%PDF-1.4") });
  },
};

async function insertInvoice(tx: Tx, { orgId }: Scope) {
  const [row] = await tx
    .insert(invoices)
    .values({ orgId, stripeInvoiceId: `in_${randomUUID()}`, number: "KEEL-0001", currency: "usd", subtotalCents: 2900, taxCents: 0, totalCents: 2900, lines: [] })
    .returning();
  return row!;
}

/** Starts a session for `userId`, as sign-in does (in their own withUser transaction); returns its cookie token. */
export async function createSession(userId: string, values: { token?: string; expires?: Date; userAgent?: string } = {}): Promise<string> {
  const token = values.token ?? randomBytes(24).toString("base64url");
  const expires = values.expires ?? new Date(Date.now() + 3_600_000);
  await withUser(userId, (tx) => insertSession(tx, { sessionToken: token, userId, expires, userAgent: values.userAgent }));
  return token;
}

async function insertWebhookEndpoint(tx: Tx, { orgId, userId }: Scope) {
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ orgId, url: "https://example.com/hooks", eventTypes: ["project.created"], secret: `whsec_${Buffer.from(randomUUID()).toString("base64")}`, createdBy: userId })
    .returning();
  return row!;
}

async function insertWebhookDelivery(tx: Tx, scope: Scope) {
  const endpoint = await insertWebhookEndpoint(tx, scope);
  const eventId = randomUUID();
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({ orgId: scope.orgId, endpointId: endpoint.id, eventId, messageId: `msg_${eventId}`, eventType: "project.created", payload: "{}" })
    .returning();
  return row!;
}
