// "Aggregate now" as Next calls it: anyone but a platform admin gets not_found and queues nothing; an admin's
// request is audited and queued (through the outbox) for the aggregate-metrics job.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, outboxEvents, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import type { ActionState } from "@/lib/action";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { codeOf, requestScope, submit } from "@/test/next-request";

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const { aggregateMetricsNowAction } = await import("./actions");
type Action = (prev: ActionState<never>, form: FormData) => Promise<ActionState<unknown>>;

let ownerToken: string;
let adminToken: string;
let adminId: string;

const queued = () => withSystem("test", (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.name, "admin/metrics-aggregation.requested")));
const audited = () => withSystem("test", (tx) => tx.select().from(auditLogs).where(eq(auditLogs.action, "admin.metrics.aggregate_requested")));

beforeAll(async () => {
  const org = await createOrgWithOwner("metrics-action");
  const [admin] = await withSystem("test: platform admin", (tx) => tx.insert(users).values({ email: `admin-${randomUUID()}@example.test`, isPlatformAdmin: true }).returning());
  adminId = admin!.id;
  [ownerToken, adminToken] = await Promise.all([createSession(org.user.id), createSession(adminId)]);
});
afterAll(closeDatabase);

describe("aggregateMetricsNowAction", () => {
  it("answers not_found to an organization owner and to a signed-out caller, and queues nothing", async () => {
    for (const token of [ownerToken, ""]) {
      requestScope.token = token;
      expect(codeOf(await submit(aggregateMetricsNowAction as Action, {}))).toBe("not_found");
    }
    expect(await queued()).toEqual([]);
    expect(await audited()).toEqual([]);
  });

  it("queues the job for a platform admin and audits it", async () => {
    requestScope.token = adminToken;
    expect(await submit(aggregateMetricsNowAction as Action, {})).toMatchObject({ ok: true, message: expect.stringMatching(/queued/) });
    const [event] = await queued();
    expect(event!.data).toMatchObject({ orgId: null, actorId: adminId });
    expect(await audited()).toMatchObject([{ actorId: adminId, orgId: null, targetType: "job", targetId: "aggregate-metrics" }]);
  });
});
