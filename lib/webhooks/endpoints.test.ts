// Endpoint operations: what is saved, what is refused (unsafe URLs at save time), what is audited, and that the
// secret never leaves through a page's read model.
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { InngestTestEngine } from "@inngest/test";
import { auditLogs, organizations, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import type { AppError } from "@/lib/errors";
import { checkEndpointUrl } from "./check-endpoint-url";
import { createEndpoint } from "./create-endpoint";
import { sendTestEvent } from "./send-test-event";
import { fanOutWebhooks } from "@/jobs/functions/fan-out-webhooks";
import { invalidateEntitlements } from "@/lib/billing/entitlements";
import { deleteEndpoint } from "./delete-endpoint";
import { endpointPage, listEndpointsPage } from "./endpoint-views";
import { endpointFieldsSchema } from "./schemas";
import { setEndpointEnabled } from "./set-endpoint-enabled";
import { updateEndpoint } from "./update-endpoint";

afterAll(closeDatabase);
afterEach(unstubAllEnvs);

async function tenant(label: string) {
  // Outgoing webhooks are a paid feature (Free has none).
  const { org, user } = await createOrgWithOwner(label, { plan: "pro" });
  const ctx = { orgId: org.id, userId: user.id };
  return { ctx };
}

/** A URL approved outside any transaction, as the actions' `prepare` does. */
const okUrl = async (url: string) => {
  const check = await checkEndpointUrl(url);
  if (!check.ok) throw check.error;
  return check;
};

const fields = (url: string) => endpointFieldsSchema.parse({ url, eventTypes: ["project.created", "member.added"] });

const auditActions = (orgId: string) =>
  withSystem("test: audit", async (tx) => (await tx.select().from(auditLogs).where(eq(auditLogs.orgId, orgId))).map((a) => a.action).sort());

describe("webhook endpoints", () => {
  it("in production, refuses http and loopback URLs at save time with a field error, and saves nothing", async () => {
    stubEnv("UNSAFE_WEBHOOKS_ALLOW_LOOPBACK", "0");
    const { ctx } = await tenant("wh-ssrf");
    for (const [url, message] of [
      ["http://example.com/hook", "Use an https:// URL."],
      ["https://127.0.0.1/hook", /loopback/],
      ["https://[::ffff:169.254.169.254]/latest", /link-local/],
      ["https://localhost:3000/hook", /loopback/],
    ] as const) {
      const check = await checkEndpointUrl(url);
      const error = (await withTenant(ctx, (tx) => createEndpoint(tx, ctx, fields(url), check)).catch((e: unknown) => e)) as AppError;
      expect(error.code, url).toBe("validation_error");
      expect(error.options.fields?.url?.[0], url).toMatch(message);
    }
    const saved = await withSystem("test: read", (tx) => tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, ctx.orgId)));
    expect(saved).toEqual([]);
  });

  it("creates, edits (re-checking a changed URL), disables and deletes, auditing each; pages never see the secret", async () => {
    const { ctx } = await tenant("wh-crud");
    const checkA0 = await okUrl("http://127.0.0.1:9/a");
    const { endpoint, secret } = await withTenant(ctx, (tx) => createEndpoint(tx, ctx, { ...fields("http://127.0.0.1:9/a"), description: "CRM" }, checkA0));
    expect(endpoint).toMatchObject({ url: "http://127.0.0.1:9/a", description: "CRM", eventTypes: ["project.created", "member.added"], enabled: true, secret });

    const list = () => withTenant(ctx, (tx) => listEndpointsPage(tx));
    const [listed] = await list();
    expect(listed).toMatchObject({ deliveredToday: 0, failingToday: 0 });
    await withSystem("test: deliveries", (tx) =>
      tx.insert(webhookDeliveries).values(
        (["succeeded", "succeeded", "retrying", "failed"] as const).map((status) => ({ orgId: ctx.orgId, endpointId: endpoint.id, eventId: randomUUID(), messageId: "msg_x", eventType: "project.created", payload: "{}", status })),
      ),
    );
    expect((await list())[0]).toMatchObject({ deliveredToday: 2, failingToday: 2 });
    expect(listed!.endpoint).not.toHaveProperty("secret");
    expect(listed!.endpoint).not.toHaveProperty("previousSecret");
    expect(JSON.stringify(await withTenant(ctx, (tx) => endpointPage(tx, endpoint.id)))).not.toContain(secret.slice(6));

    stubEnv("UNSAFE_WEBHOOKS_ALLOW_LOOPBACK", "0");
    const checkB = await checkEndpointUrl("http://127.0.0.1:9/b");
    const refused = (await withTenant(ctx, (tx) => updateEndpoint(tx, ctx, { endpointId: endpoint.id, ...fields("http://127.0.0.1:9/b") }, checkB)).catch((e: unknown) => e)) as AppError;
    expect(refused.code).toBe("validation_error");
    // The unchanged URL is not re-checked: editing the description of a development endpoint still works.
    const checkA = await checkEndpointUrl("http://127.0.0.1:9/a");
    expect(checkA.ok).toBe(false);
    await withTenant(ctx, (tx) => updateEndpoint(tx, ctx, { endpointId: endpoint.id, ...fields("http://127.0.0.1:9/a"), description: "CRM v2" }, checkA));
    unstubAllEnvs();

    const off = await withTenant(ctx, (tx) => setEndpointEnabled(tx, ctx, { endpointId: endpoint.id, enabled: false }));
    expect(off).toMatchObject({ enabled: false, disabledReason: "manual", description: "CRM v2" });
    await withTenant(ctx, (tx) => deleteEndpoint(tx, ctx, { endpointId: endpoint.id }));
    expect(await list()).toEqual([]);
    expect(await auditActions(ctx.orgId)).toEqual(["webhook_endpoint.created", "webhook_endpoint.deleted", "webhook_endpoint.disabled", "webhook_endpoint.updated"]);
    const [created] = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.orgId, ctx.orgId), eq(auditLogs.action, "webhook_endpoint.created"))));
    expect(JSON.stringify(created!.metadata)).not.toContain(secret);
  });

  it("cannot see, change or delete another organization's endpoint: not_found", async () => {
    const a = await tenant("wh-a");
    const b = await tenant("wh-b");
    const checkB = await okUrl("http://127.0.0.1:9/b");
    const { endpoint } = await withTenant(b.ctx, (tx) => createEndpoint(tx, b.ctx, fields("http://127.0.0.1:9/b"), checkB));
    expect(await withTenant(a.ctx, (tx) => endpointPage(tx, endpoint.id))).toBeNull();
    const checkX = await checkEndpointUrl("http://127.0.0.1:9/x");
    await expect(withTenant(a.ctx, (tx) => updateEndpoint(tx, a.ctx, { endpointId: endpoint.id, ...fields("http://127.0.0.1:9/x") }, checkX))).rejects.toMatchObject({ code: "not_found" });
    await expect(withTenant(a.ctx, (tx) => setEndpointEnabled(tx, a.ctx, { endpointId: endpoint.id, enabled: false }))).rejects.toMatchObject({ code: "not_found" });
    await expect(withTenant(a.ctx, (tx) => deleteEndpoint(tx, a.ctx, { endpointId: endpoint.id }))).rejects.toMatchObject({ code: "not_found" });
    const [still] = await withSystem("test: read", (tx) => tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)));
    expect(still).toMatchObject({ enabled: true, url: "http://127.0.0.1:9/b" });
  });

  it("requires at least one known event type", () => {
    expect(endpointFieldsSchema.safeParse({ url: "https://example.com", eventTypes: [] }).error?.issues[0]?.message).toBe("Choose at least one event.");
    expect(endpointFieldsSchema.safeParse({ url: "https://example.com", eventTypes: "project.exploded" }).success).toBe(false);
    expect(endpointFieldsSchema.parse({ url: "https://example.com", eventTypes: "project.created" }).eventTypes).toEqual(["project.created"]);
  });
});

describe("outgoing webhooks and the plan", () => {
  it("looks a URL up only outside a transaction: a slow resolver must never hold a pooled connection", async () => {
    const { ctx } = await tenant("wh-dns");
    await expect(withTenant(ctx, () => checkEndpointUrl("http://127.0.0.1:9/a"))).rejects.toThrow(/before the transaction opens/);
  });

  it("on Free: adding an endpoint, sending a test event and fanning events out are refused, with the upgrade link", async () => {
    const { org, user } = await createOrgWithOwner("wh-free");
    const ctx = { orgId: org.id, userId: user.id };
    const check = await okUrl("http://127.0.0.1:9/free");
    const refused = (await withTenant(ctx, (tx) => createEndpoint(tx, ctx, fields("http://127.0.0.1:9/free"), check)).catch((e: unknown) => e)) as AppError;
    expect(refused.code).toBe("conflict");
    expect(refused.message).toBe("The Free plan does not include outgoing webhooks. Upgrade to add endpoints.");
    expect(refused.options.link).toEqual({ href: `/${org.slug}/settings/billing`, label: "Upgrade your plan" });

    // An endpoint kept from a paid plan after a downgrade: still there, but nothing goes out to it.
    const [kept] = await withSystem("test: endpoint from a paid plan", (tx) =>
      tx.insert(webhookEndpoints).values({ orgId: org.id, url: "http://127.0.0.1:9/kept", eventTypes: ["project.created"], secret: `whsec_${Buffer.from(randomUUID()).toString("base64")}` }).returning(),
    );
    await expect(withTenant(ctx, (tx) => sendTestEvent(tx, ctx, { endpointId: kept!.id }))).rejects.toMatchObject({ code: "conflict" });
    expect(await fanOut(org.id)).toBe(0);
    expect(await withSystem("test: deliveries", (tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, kept!.id)))).toEqual([]);

    // The same organization on Pro (cached entitlements dropped, as the billing sync does): delivered.
    await withSystem("test: upgrade", (tx) => tx.update(organizations).set({ plan: "pro" }).where(eq(organizations.id, org.id)));
    await invalidateEntitlements(org.id);
    expect(await fanOut(org.id)).toBe(1);
  });

  it("on Pro: up to the plan's number of endpoints, even when added all at once", async () => {
    const { ctx } = await tenant("wh-pro-limit");
    const check = await okUrl("http://127.0.0.1:9/many");
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => withTenant(ctx, (tx) => createEndpoint(tx, ctx, fields("http://127.0.0.1:9/many"), check))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as AppError).message);
    expect(refusals).toEqual(Array(2).fill("The Pro plan includes 10 webhook endpoints. Delete one or upgrade to add more."));
  });
});

/** Runs the fan-out job for a project.created event of the organization; returns how many deliveries it created. */
async function fanOut(orgId: string): Promise<number> {
  const now = new Date().toISOString();
  const projectId = randomUUID();
  const engine = new InngestTestEngine({
    function: fanOutWebhooks,
    events: [{ id: randomUUID(), name: "org/project.changed", ts: Date.now(), data: { orgId, actorId: null, requestId: "r", projectId, change: "created", project: { id: projectId, name: "P", description: "", createdAt: now, updatedAt: now } } }],
  });
  const { result } = await engine.execute();
  return (result as { deliveries: number }).deliveries;
}
