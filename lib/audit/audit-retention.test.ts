// The audit log keeps what the organization's entitlements say, not what organizations.plan says: a past-due
// plan after its grace period keeps Free's days (on the page and in the API alike), a plan given without Stripe its own.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, organizations, subscriptions } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { parseAuditSearch } from "@/lib/audit/audit-filter";
import { listAuditAfter } from "@/lib/audit/list-audit-after";
import { listAuditPage } from "@/lib/audit/list-audit-page";
import { createOrgWithOwner } from "@/test/fixtures";

afterAll(closeDatabase);

const DAY = 86_400_000;

/** A Pro organization with one audit entry 3 days old and one 30 days old. */
async function proOrgWithHistory(label: string) {
  const { org, user } = await createOrgWithOwner(label);
  await withSystem("test: pro org with history", async (tx) => {
    await tx.update(organizations).set({ plan: "pro" }).where(eq(organizations.id, org.id));
    await tx.insert(auditLogs).values([
      { orgId: org.id, actorId: user.id, action: "project.created", createdAt: new Date(Date.now() - 3 * DAY) },
      { orgId: org.id, actorId: user.id, action: "project.deleted", createdAt: new Date(Date.now() - 30 * DAY) },
    ]);
  });
  const read = () =>
    withTenant({ orgId: org.id, userId: user.id }, async (tx) => {
      const page = await listAuditPage(tx, { orgId: org.id }, parseAuditSearch({}));
      const api = await listAuditAfter(tx, { orgId: org.id }, { limit: 50 });
      return { retentionDays: page.retentionDays, planName: page.planName, page: page.entries.map((e) => e.action), api: api.entries.map((e) => e.action) };
    });
  return { org, read };
}

const subscribe = (orgId: string, status: string, pastDueSince: Date | null = null) =>
  withSystem("test: subscription", (tx) => tx.insert(subscriptions).values({ orgId, stripeCustomerId: `cus_${orgId}`, plan: "pro", status, pastDueSince }));

describe("audit log retention", () => {
  it("is the plan's while it is paid for, and Free's once a past-due plan's grace period is over", async () => {
    const { org, read } = await proOrgWithHistory("retention-pastdue");
    await subscribe(org.id, "past_due", new Date(Date.now() - 30 * DAY));
    expect(await read()).toEqual({ retentionDays: 7, planName: "Free", page: ["project.created"], api: ["project.created"] });
    await withSystem("test: paid again", (tx) => tx.update(subscriptions).set({ status: "active", pastDueSince: null }).where(eq(subscriptions.orgId, org.id)));
    expect(await read()).toEqual({ retentionDays: 90, planName: "Pro", page: ["project.created", "project.deleted"], api: ["project.created", "project.deleted"] });
  });

  it("keeps a plan given without Stripe (no subscription) as that plan", async () => {
    const { read } = await proOrgWithHistory("retention-comped");
    expect((await read()).retentionDays).toBe(90);
  });
});
