import { InngestTestEngine } from "@inngest/test";
import { eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, invitations, organizations, sessions, verificationTokens, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import { cleanup } from "./cleanup";

describe("cleanup", () => {
  afterAll(closeDatabase);

  it("removes what expired and keeps what is still valid or accepted", async () => {
    const { org, user } = await createOrgWithOwner("cleanup");
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    const tag = randomUUID();
    await withSystem("test: expired and live rows", async (tx) => {
      await tx.insert(sessions).values([
        { sessionToken: `old-${tag}`, userId: user.id, expires: past },
        { sessionToken: `live-${tag}`, userId: user.id, expires: future },
      ]);
      await tx.insert(verificationTokens).values([
        { identifier: `old-${tag}`, token: "t", expires: past },
        { identifier: `live-${tag}`, token: "t", expires: future },
      ]);
      await tx.insert(invitations).values([
        { orgId: org.id, email: "old@example.test", tokenHash: `old-${tag}`, expiresAt: past },
        { orgId: org.id, email: "accepted@example.test", tokenHash: `accepted-${tag}`, expiresAt: past, acceptedAt: past },
        { orgId: org.id, email: "live@example.test", tokenHash: `live-${tag}`, expiresAt: future },
      ]);
    });

    const t = new InngestTestEngine({ function: cleanup, events: [{ name: "inngest/scheduled.timer", data: { cron: "17 3 * * *" } }] });
    const { result } = await t.execute();
    expect(result).toMatchObject({ sessions: expect.any(Number), tokens: expect.any(Number), invitations: expect.any(Number) });

    const left = await withSystem("test: what is left", async (tx) => ({
      sessions: (await tx.select().from(sessions).where(eq(sessions.userId, user.id))).map((s) => s.sessionToken),
      tokens: (await tx.select().from(verificationTokens).where(inArray(verificationTokens.identifier, [`old-${tag}`, `live-${tag}`]))).map((v) => v.identifier),
      invitations: (await tx.select().from(invitations).where(eq(invitations.orgId, org.id))).map((i) => i.email).sort(),
    }));
    expect(left.sessions).toEqual([`live-${tag}`]);
    expect(left.tokens).toEqual([`live-${tag}`]);
    expect(left.invitations).toEqual(["accepted@example.test", "live@example.test"]);
  });

  it("keeps audit entries as long as each organization's plan says, and account entries always", async () => {
    const free = await createOrgWithOwner("audit-free");
    const pro = await createOrgWithOwner("audit-pro");
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    const tag = randomUUID();
    await withSystem("test: audit entries of several ages", async (tx) => {
      await tx.update(organizations).set({ plan: "pro" }).where(eq(organizations.id, pro.org.id));
      await tx.insert(auditLogs).values([
        { orgId: free.org.id, action: `old-${tag}`, createdAt: daysAgo(10) }, // Free keeps 7 days
        { orgId: free.org.id, action: `recent-${tag}`, createdAt: daysAgo(2) },
        { orgId: pro.org.id, action: `pro-old-${tag}`, createdAt: daysAgo(10) }, // Pro keeps 90
        { orgId: null, actorId: free.user.id, action: `account-${tag}`, createdAt: daysAgo(400) },
      ]);
    });
    const t = new InngestTestEngine({ function: cleanup, events: [{ name: "inngest/scheduled.timer", data: { cron: "17 3 * * *" } }] });
    const { result } = await t.execute();
    expect((result as { audit: number }).audit).toBeGreaterThanOrEqual(1);
    const actions = await withSystem("test: audit left", async (tx) => (await tx.select({ action: auditLogs.action }).from(auditLogs)).map((r) => r.action));
    expect(actions).not.toContain(`old-${tag}`);
    expect(actions).toEqual(expect.arrayContaining([`recent-${tag}`, `pro-old-${tag}`, `account-${tag}`]));
  });

  it("deletes webhook deliveries settled over 30 days ago, and keeps recent ones and those still retrying", async () => {
    const { org } = await createOrgWithOwner("cleanup-webhooks");
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    await withSystem("test: deliveries of several ages", async (tx) => {
      const [endpoint] = await tx.insert(webhookEndpoints).values({ orgId: org.id, url: "https://example.com/h", eventTypes: ["project.created"], secret: "whsec_dGVzdA==" }).returning();
      const delivery = (eventId: string, status: "succeeded" | "failed" | "retrying", createdAt: Date) =>
        ({ orgId: org.id, endpointId: endpoint!.id, eventId, messageId: `msg_${eventId}`, eventType: "project.created", payload: "{}", status, createdAt });
      await tx.insert(webhookDeliveries).values([delivery("old-ok", "succeeded", daysAgo(31)), delivery("old-failed", "failed", daysAgo(40)), delivery("old-retrying", "retrying", daysAgo(31)), delivery("recent", "succeeded", daysAgo(2))]);
    });
    const t = new InngestTestEngine({ function: cleanup, events: [{ name: "inngest/scheduled.timer", data: { cron: "17 3 * * *" } }] });
    await t.execute();
    const left = await withSystem("test: deliveries left", async (tx) => (await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, org.id))).map((d) => d.eventId).sort());
    expect(left).toEqual(["old-retrying", "recent"]);
  });
});
