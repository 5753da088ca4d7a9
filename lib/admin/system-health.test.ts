// /admin/system's figures from real rows: the outbox backlog and its oldest event, the webhook failure rate of the
// last day, and a cache hit rate that counts real reads.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { outboxEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { cacheStats, createCache } from "@/lib/cache";
import { createOrgWithOwner } from "@/test/fixtures";
import { databaseHealth } from "./system-health";

afterAll(closeDatabase);

describe("databaseHealth", () => {
  it("counts the unsent outbox with its oldest event, and the share of finished webhook deliveries that gave up", async () => {
    const { org, user } = await createOrgWithOwner("health");
    const now = new Date();
    const before = await withSystem("test", (tx) => databaseHealth(tx, now));
    await withSystem("test setup", async (tx) => {
      const hourAgo = new Date(now.getTime() - 3_600_000);
      await tx.insert(outboxEvents).values([
        { orgId: org.id, name: "test/thing.happened", data: {}, createdAt: hourAgo, attempts: 2 },
        { orgId: org.id, name: "test/thing.happened", data: {} },
        { orgId: org.id, name: "test/thing.happened", data: {}, sentAt: now },
      ]);
      const [endpoint] = await tx
        .insert(webhookEndpoints)
        .values({ orgId: org.id, url: "https://example.com/hooks", eventTypes: ["project.created"], secret: "whsec_dGVzdA==", createdBy: user.id })
        .returning();
      const delivery = (status: "succeeded" | "failed" | "retrying", createdAt = now) => {
        const eventId = randomUUID();
        return { orgId: org.id, endpointId: endpoint!.id, eventId, messageId: `msg_${eventId}`, eventType: "project.created", payload: "{}", status, createdAt };
      };
      await tx.insert(webhookDeliveries).values([delivery("succeeded"), delivery("succeeded"), delivery("succeeded"), delivery("failed"), delivery("retrying"), delivery("failed", new Date(now.getTime() - 2 * 86_400_000))]);
    });
    const after = await withSystem("test", (tx) => databaseHealth(tx, now));
    expect(after.outbox.pending - before.outbox.pending).toBe(2);
    expect(after.outbox.failing - before.outbox.failing).toBe(1);
    expect(after.outbox.oldestAgeMs).toBeGreaterThanOrEqual(3_600_000);
    // Two days ago does not count; the retrying one has not finished.
    expect(after.webhooks).toMatchObject({ succeeded: before.webhooks.succeeded + 3, failed: before.webhooks.failed + 1, retrying: before.webhooks.retrying + 1 });
    if (before.webhooks.failureRate === null) expect(after.webhooks.failureRate).toBe(0.25);
    expect(after.pool.byState.reduce((sum, c) => sum + c.n, 0)).toBeGreaterThan(0);
  });
});

describe("cacheStats", () => {
  it("counts a miss, then hits, of real cache reads", async () => {
    const cache = createCache({ backend: "memory", namespace: "stats-test" });
    const start = cacheStats();
    await cache.getOrSet("k", 60, () => 1);
    await cache.getOrSet("k", 60, () => 2);
    await cache.get("k");
    await cache.get("absent");
    const end = cacheStats();
    expect(end.hits - start.hits).toBe(2);
    expect(end.misses - start.misses).toBe(2);
  });
});
