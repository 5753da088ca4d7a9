// Endpoint operations: what is saved, what is refused (unsafe URLs at save time), what is audited, and that the
// secret never leaves through a page's read model.
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import type { AppError } from "@/lib/errors";
import { createEndpoint } from "./create-endpoint";
import { deleteEndpoint } from "./delete-endpoint";
import { endpointPage, listEndpointsPage } from "./endpoint-views";
import { endpointFieldsSchema } from "./schemas";
import { setEndpointEnabled } from "./set-endpoint-enabled";
import { updateEndpoint } from "./update-endpoint";

afterAll(closeDatabase);
afterEach(unstubAllEnvs);

async function tenant(label: string) {
  const { org, user } = await createOrgWithOwner(label);
  const ctx = { orgId: org.id, userId: user.id };
  return { ctx };
}

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
      const error = (await withTenant(ctx, (tx) => createEndpoint(tx, ctx, fields(url))).catch((e: unknown) => e)) as AppError;
      expect(error.code, url).toBe("validation_error");
      expect(error.options.fields?.url?.[0], url).toMatch(message);
    }
    const saved = await withSystem("test: read", (tx) => tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, ctx.orgId)));
    expect(saved).toEqual([]);
  });

  it("creates, edits (re-checking a changed URL), disables and deletes, auditing each; pages never see the secret", async () => {
    const { ctx } = await tenant("wh-crud");
    const { endpoint, secret } = await withTenant(ctx, (tx) => createEndpoint(tx, ctx, { ...fields("http://127.0.0.1:9/a"), description: "CRM" }));
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
    const refused = (await withTenant(ctx, (tx) => updateEndpoint(tx, ctx, { endpointId: endpoint.id, ...fields("http://127.0.0.1:9/b") })).catch((e: unknown) => e)) as AppError;
    expect(refused.code).toBe("validation_error");
    // The unchanged URL is not re-checked: editing the description of a development endpoint still works.
    await withTenant(ctx, (tx) => updateEndpoint(tx, ctx, { endpointId: endpoint.id, ...fields("http://127.0.0.1:9/a"), description: "CRM v2" }));
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
    const { endpoint } = await withTenant(b.ctx, (tx) => createEndpoint(tx, b.ctx, fields("http://127.0.0.1:9/b")));
    expect(await withTenant(a.ctx, (tx) => endpointPage(tx, endpoint.id))).toBeNull();
    await expect(withTenant(a.ctx, (tx) => updateEndpoint(tx, a.ctx, { endpointId: endpoint.id, ...fields("http://127.0.0.1:9/x") }))).rejects.toMatchObject({ code: "not_found" });
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
