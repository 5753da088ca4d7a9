// Outgoing webhooks end to end: a business change -> outbox -> the real /api/inngest route driven by the dev
// executor -> fan-out -> deliver-webhook -> a real HTTP receiver on loopback. Hours of retry schedule are walked
// by waking the executor's sleeping runs; the failure window by moving the endpoint's failing streak back in time.
import { and, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, outboxEvents, users, memberships, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withSystem, withTenant, type TenantContext } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import { latestEmailTo } from "@/db/queries/dev-emails";
import { RETRY_SCHEDULE_MS } from "@/lib/webhooks/config";
import { startDevExecutor, type DevExecutor } from "@/scripts/inngest-dev";
import { freePort, serveRouteHandlers } from "@/test/serve-route-handlers";
import { eventually, startWebhookReceiver } from "@/test/webhook-receiver";

const executorPort = await freePort();
stubEnv("INNGEST_DEV", `http://127.0.0.1:${executorPort}`);
stubEnv("EMAIL_TRANSPORT", "dev-mailbox");

const route = await import("@/app/api/inngest/route");
const { withOutbox } = await import("@/lib/outbox");
const { createProject } = await import("@/lib/projects/create-project");
const { changeMemberRole } = await import("@/lib/orgs/change-member-role");
const { createEndpoint } = await import("@/lib/webhooks/create-endpoint");
const { checkEndpointUrl } = await import("@/lib/webhooks/check-endpoint-url");
const { replayDelivery } = await import("@/lib/webhooks/replay-delivery");
const { rotateSecret } = await import("@/lib/webhooks/rotate-secret");
const { sendTestEvent } = await import("@/lib/webhooks/send-test-event");

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

let app: Awaited<ReturnType<typeof serveRouteHandlers>>;
let executor: DevExecutor;
const receivers: Receiver[] = [];

beforeAll(async () => {
  app = await serveRouteHandlers(route);
  executor = await startDevExecutor({ serveUrl: `${app.url}/api/inngest`, port: executorPort, baseBackoffMs: 20, syncIntervalMs: 0, log: () => {} });
  await executor.sync();
}, 30_000);

afterAll(async () => {
  await executor?.stop();
  await app?.close();
  await Promise.all(receivers.map((r) => r.close()));
  await closeDatabase();
  unstubAllEnvs();
});

async function receiver(respond?: Parameters<typeof startWebhookReceiver>[0]) {
  const r = await startWebhookReceiver(respond);
  receivers.push(r);
  return r;
}

async function tenant(label: string) {
  // Outgoing webhooks are a paid feature (Free has none).
  const { org, user } = await createOrgWithOwner(label, { plan: "pro" });
  return { org, user, ctx: { orgId: org.id, userId: user.id } satisfies TenantContext };
}

const inTenant = <T,>(ctx: TenantContext, fn: Parameters<typeof withTenant<T>>[1]) => withOutbox(() => withTenant(ctx, fn));

async function addEndpoint(ctx: TenantContext, url: string, eventTypes: string[] = ["project.created"]) {
  const check = await checkEndpointUrl(url);
  return inTenant(ctx, (tx) => createEndpoint(tx, ctx, { url, description: "test receiver", eventTypes: eventTypes as never }, check));
}

const deliveriesOf = (endpointId: string) =>
  withSystem("test: read deliveries", (tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)));

const attemptsOf = (deliveryId: string) =>
  withSystem("test: read attempts", (tx) =>
    tx.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(webhookAttempts.generation, webhookAttempts.attempt),
  );

/** The executor's runs delivering `deliveryId` (found through the outbox rows that requested them). */
async function deliveryRuns(deliveryId: string) {
  const rows = await withSystem("test: read outbox", (tx) =>
    tx.select({ id: outboxEvents.id }).from(outboxEvents).where(and(eq(outboxEvents.name, "webhook/delivery.requested"), sql`${outboxEvents.data}->>'deliveryId' = ${deliveryId}`)),
  );
  const ids = rows.map((r) => r.id);
  return executor.runs().filter((r) => ids.includes(r.eventId));
}

/** Waits until the delivery's run sleeps before its next attempt, then ends the sleep; returns how long it was to be. */
async function skipWait(deliveryId: string): Promise<number> {
  const sleeping = await eventually(async () => {
    for (const run of await deliveryRuns(deliveryId)) {
      const step = run.steps.find((s) => s.op === "Sleep" && s.status === "sleeping");
      if (step) return { run, step };
    }
    return null;
  }, 15_000, "the delivery's run to sleep");
  expect(executor.wakeSleepers((r) => r.id === sleeping.run.id)).toBe(1);
  return Date.parse(sleeping.step.until!) - Date.parse(sleeping.step.startedAt);
}

/** A sleep's length as the executor saw it: its deadline minus when it was recorded, a few ms after it was set. */
const expectSleep = (actualMs: number, scheduledMs: number) => {
  expect(actualMs).toBeLessThanOrEqual(scheduledMs);
  expect(actualMs).toBeGreaterThan(scheduledMs - 500);
};

const verify = (secret: string, r: { headers: Record<string, string>; body: string }) => new Webhook(secret).verify(r.body, r.headers);

describe("outgoing webhooks through the real route and the dev executor", () => {
  it("retries a receiver answering 500, 500, 200 on schedule: three attempts logged, one delivery, signature verified", async () => {
    const rx = await receiver((_, n) => (n <= 2 ? 500 : 200));
    const { ctx } = await tenant("wh-retry");
    const { endpoint, secret } = await addEndpoint(ctx, rx.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const project = await inTenant(ctx, (tx) => createProject(tx, ctx, { name: "Webhooked", description: "Sent to a receiver" }));
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id);
      return rows.length ? rows : null;
    }, 15_000, "the fan-out");
    await eventually(() => rx.received.length === 1, 15_000, "the first attempt");
    expectSleep(await skipWait(delivery!.id), RETRY_SCHEDULE_MS[1]); // 5 s
    await eventually(() => rx.received.length === 2, 15_000, "the second attempt");
    expectSleep(await skipWait(delivery!.id), RETRY_SCHEDULE_MS[2]); // 5 min
    const done = await eventually(async () => {
      const [row] = await deliveriesOf(endpoint.id);
      return row?.status === "succeeded" ? row : null;
    }, 15_000, "the delivery to succeed");

    expect(rx.received).toHaveLength(3);
    expect(done).toMatchObject({ attempts: 3, lastStatusCode: 200, nextAttemptAt: null, eventType: "project.created" });
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    const attempts = await attemptsOf(done.id);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.succeeded])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    expect(attempts[0]!.responseExcerpt).toBe("failed with 500");
    expect(attempts[0]!.nextRetryAt!.getTime() - attempts[0]!.createdAt.getTime()).toBeGreaterThan(4_000);
    expect(attempts[2]!.nextRetryAt).toBeNull();
    for (const a of attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);

    // Every attempt is the same message, signed for the endpoint's secret and verified by the standard library.
    expect(new Set(rx.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([done.messageId]));
    expect(new Set(rx.received.map((r) => r.body)).size).toBe(1);
    const payload = verify(secret, rx.received[2]!);
    expect(payload).toEqual({
      type: "project.created",
      timestamp: expect.any(String),
      organizationId: ctx.orgId,
      data: { id: project.id, name: "Webhooked", description: "Sent to a receiver", createdAt: project.createdAt.toISOString(), updatedAt: project.updatedAt.toISOString() },
    });
    expect(() => verify(`whsec_${Buffer.from("not the secret").toString("base64")}`, rx.received[2]!)).toThrow();
    expect(rx.received[0]!.headers["content-type"]).toBe("application/json");
  });

  it("replays a delivery: the same bytes and webhook-id again, with a new attempt logged", async () => {
    const rx = await receiver();
    const { ctx } = await tenant("wh-replay");
    const { endpoint, secret } = await addEndpoint(ctx, rx.url);
    await inTenant(ctx, (tx) => createProject(tx, ctx, { name: "Replayed", description: "" }));
    const delivery = await eventually(async () => (await deliveriesOf(endpoint.id)).find((d) => d.status === "succeeded"), 15_000, "the first delivery");

    await inTenant(ctx, (tx) => replayDelivery(tx, ctx, { deliveryId: delivery.id }));
    await eventually(() => rx.received.length === 2, 15_000, "the replay");
    const [first, second] = rx.received;
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(second!.body).toBe(first!.body);
    expect(verify(secret, second!)).toMatchObject({ type: "project.created" });
    const after = await eventually(async () => (await deliveriesOf(endpoint.id)).find((d) => d.generation === 1 && d.status === "succeeded"), 15_000, "the replay recorded");
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    expect((await attemptsOf(after.id)).map((a) => [a.generation, a.attempt, a.succeeded])).toEqual([
      [0, 1, true],
      [1, 1, true],
    ]);
    const [audit] = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.orgId, ctx.orgId), eq(auditLogs.action, "webhook_delivery.replayed"))));
    expect(audit).toMatchObject({ actorId: ctx.userId, targetId: delivery.id });
  });

  it("signs with both secrets during a rotation's overlap, and with the new one only after it", async () => {
    const rx = await receiver();
    const { ctx } = await tenant("wh-rotate");
    const { endpoint, secret: oldSecret } = await addEndpoint(ctx, rx.url);
    const { secret: newSecret, previousExpiresAt } = await inTenant(ctx, (tx) => rotateSecret(tx, ctx, { endpointId: endpoint.id }));
    expect(previousExpiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

    await inTenant(ctx, (tx) => sendTestEvent(tx, ctx, { endpointId: endpoint.id }));
    await eventually(() => rx.received.length === 1, 15_000, "the test event");
    const during = rx.received[0]!;
    expect(during.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verify(newSecret, during)).toMatchObject({ type: "webhook.test", data: { endpointId: endpoint.id } });
    expect(verify(oldSecret, during)).toMatchObject({ type: "webhook.test" });

    // The overlap ends (time moved on): only the new secret signs.
    await withSystem("test: overlap over", (tx) => tx.update(webhookEndpoints).set({ previousSecretExpiresAt: new Date(Date.now() - 1_000) }).where(eq(webhookEndpoints.id, endpoint.id)));
    await inTenant(ctx, (tx) => sendTestEvent(tx, ctx, { endpointId: endpoint.id }));
    await eventually(() => rx.received.length === 2, 15_000, "the second test event");
    const after = rx.received[1]!;
    expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(verify(newSecret, after)).toMatchObject({ type: "webhook.test" });
    expect(() => verify(oldSecret, after)).toThrow();
  });

  it("disables an endpoint that has failed every attempt for the whole window, and emails its admins", async () => {
    const rx = await receiver(() => 503);
    const { ctx, user } = await tenant("wh-disable");
    const { endpoint } = await addEndpoint(ctx, rx.url);
    await inTenant(ctx, (tx) => createProject(tx, ctx, { name: "Never received", description: "" }));
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id);
      return rows[0]?.attempts === 1 ? rows : null;
    }, 15_000, "the first failed attempt");
    const [failing] = await withSystem("test: read", (tx) => tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)));
    expect(failing!.failingSince).toBeInstanceOf(Date);
    expect(failing!.enabled).toBe(true);

    // Five days of failures pass: the streak started just over five days ago.
    await withSystem("test: move time", (tx) =>
      tx.update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 5 * 86_400_000 - 60_000) }).where(eq(webhookEndpoints.id, endpoint.id)),
    );
    await skipWait(delivery!.id);
    const disabled = await eventually(async () => {
      const [row] = await withSystem("test: read", (tx) => tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)));
      return row && !row.enabled ? row : null;
    }, 15_000, "the endpoint to be disabled");
    expect(disabled.disabledReason).toBe("failing");

    const email = await eventually(() => latestEmailTo(user.email), 15_000, "the email to the owner");
    expect(email.subject).toContain("Webhook endpoint disabled");
    expect(email.text).toContain(rx.url);
    const [audit] = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.orgId, ctx.orgId), eq(auditLogs.action, "webhook_endpoint.auto_disabled"))));
    expect(audit).toMatchObject({ actorId: null, targetId: endpoint.id });

    // The run stops at its next attempt instead of sending to a disabled endpoint.
    await skipWait(delivery!.id);
    const [stopped] = await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id);
      return rows[0]?.status === "failed" ? rows : null;
    }, 15_000, "the delivery to be abandoned");
    expect(stopped!.attempts).toBe(2);
    expect(rx.received).toHaveLength(2);
  });

  it("sends member events from member operations, in the shape documented", async () => {
    const rx = await receiver();
    const { ctx, org } = await tenant("wh-member");
    const { endpoint, secret } = await addEndpoint(ctx, rx.url, ["member.role_changed"]);
    const teammate = await withSystem("test: teammate", async (tx) => {
      const [u] = await tx.insert(users).values({ email: `mate-${randomUUID()}@example.test`, name: "Mate" }).returning();
      await tx.insert(memberships).values({ orgId: org.id, userId: u!.id, role: "member" });
      return u!;
    });
    const owner = { orgId: org.id, slug: org.slug, name: org.name, plan: org.plan, role: "owner" as const, userId: ctx.userId };
    await inTenant(ctx, (tx) => changeMemberRole(tx, owner, { userId: teammate.id, role: "admin" }));
    await eventually(() => rx.received.length === 1, 15_000, "the member event");
    expect(verify(secret, rx.received[0]!)).toEqual({
      type: "member.role_changed",
      timestamp: expect.any(String),
      organizationId: org.id,
      data: { userId: teammate.id, email: teammate.email, name: "Mate", role: "admin", previousRole: "member" },
    });
    // Not subscribed to project events: a project creates no delivery.
    await inTenant(ctx, (tx) => createProject(tx, ctx, { name: "Quiet", description: "" }));
    await new Promise((r) => setTimeout(r, 500));
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });

  it("keeps a slow receiver to its concurrency limit while another organization's deliveries go through", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await receiver(async () => {
      await gate;
      return 200;
    });
    const fast = await receiver();
    const a = await tenant("wh-slow");
    const b = await tenant("wh-fast");
    const { endpoint: slowEndpoint } = await addEndpoint(a.ctx, slow.url);
    await addEndpoint(b.ctx, fast.url);
    for (let i = 0; i < 12; i++) await inTenant(a.ctx, (tx) => sendTestEvent(tx, a.ctx, { endpointId: slowEndpoint.id }));
    await eventually(() => slow.received.length >= 5, 15_000, "the slow receiver to fill up");

    await inTenant(b.ctx, (tx) => createProject(tx, b.ctx, { name: "Not starved", description: "" }));
    await eventually(() => fast.received.length === 1, 15_000, "the other organization's delivery");
    expect(slow.maxInFlight()).toBe(5);
    expect(slow.received).toHaveLength(5);

    release();
    await eventually(() => slow.received.length === 12, 15_000, "the slow receiver's backlog");
    expect(slow.maxInFlight()).toBeLessThanOrEqual(5);
  });
});
