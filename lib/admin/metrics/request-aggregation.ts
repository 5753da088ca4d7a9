import { z } from "zod";
import type { Tx } from "@/db/tenant";
import { metricsAggregateRequested } from "@/jobs/events";
import { recordAdminAudit } from "@/lib/admin/record-admin-audit";
import { enqueue } from "@/lib/outbox";

/** Days to recompute; none named: yesterday and today (a backfill names `from`). */
export const requestAggregationSchema = z
  .object({
    from: z.iso.date().optional().or(z.literal("").transform(() => undefined)),
    to: z.iso.date().optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "The first day must not be after the last.", path: ["to"] });
export type RequestAggregationInput = z.infer<typeof requestAggregationSchema>;

/**
 * Queues a run of aggregate-metrics (through the outbox, so it is sent once this commits) and audits who asked.
 * Returns the outbox event's id.
 */
export async function requestMetricsAggregation(tx: Tx, actorId: string, input: RequestAggregationInput): Promise<string> {
  const id = await enqueue(tx, metricsAggregateRequested, { orgId: null, actorId, ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) });
  await recordAdminAudit(tx, { action: "metrics.aggregate_requested", actorId, target: { type: "job", id: "aggregate-metrics" }, metadata: { from: input.from ?? null, to: input.to ?? null, eventId: id } });
  return id;
}
