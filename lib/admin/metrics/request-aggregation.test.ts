import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, outboxEvents } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOutsider } from "@/test/fixtures";
import { requestMetricsAggregation, requestAggregationSchema } from "./request-aggregation";

describe("requestMetricsAggregation", () => {
  afterAll(closeDatabase);

  it("queues the job through the outbox and audits who asked, in one transaction", async () => {
    const adminId = await createOutsider();
    const id = await withSystem("test: aggregate now", (tx) => requestMetricsAggregation(tx, adminId, requestAggregationSchema.parse({ from: "2026-01-01", to: "" })));
    const [event] = await withSystem("test: outbox", (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.id, id)));
    expect(event).toMatchObject({ name: "admin/metrics-aggregation.requested", orgId: null, data: { actorId: adminId, from: "2026-01-01" } });
    const audit = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.actorId, adminId), eq(auditLogs.action, "admin.metrics.aggregate_requested"))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ orgId: null, targetType: "job", targetId: "aggregate-metrics", metadata: { from: "2026-01-01", to: null, eventId: id } });
  });

  it("refuses a range that ends before it starts", () => {
    expect(requestAggregationSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(requestAggregationSchema.safeParse({ from: "yesterday" }).success).toBe(false);
  });
});
