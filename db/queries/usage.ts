import { and, asc, gte, lt, sql } from "drizzle-orm";
import { usageDaily } from "../schema";
import type { Tx } from "../tenant";

/** A metered quantity. */
export type UsageMetric = (typeof usageDaily.metric.enumValues)[number];

/**
 * Writes day totals counted elsewhere (as the system: one flush covers many organizations). The count is a running
 * total of the day, so a flush that runs twice, or late, writes the same number: it never goes down.
 */
export async function upsertUsageTotals(tx: Tx, rows: { orgId: string; day: string; metric: UsageMetric; count: number }[]): Promise<void> {
  if (!rows.length) return;
  await tx
    .insert(usageDaily)
    .values(rows)
    .onConflictDoUpdate({
      target: [usageDaily.orgId, usageDaily.day, usageDaily.metric],
      set: { count: sql`greatest(${usageDaily.count}, excluded.count)`, updatedAt: sql`now()` },
    });
}

/** The organization's daily counts of `metric` from `from` (inclusive) to `to` (exclusive), by day (inside withTenant). */
export function listUsage(tx: Tx, metric: UsageMetric, from: string, to: string) {
  return tx
    .select({ day: usageDaily.day, count: usageDaily.count })
    .from(usageDaily)
    .where(and(sql`${usageDaily.metric} = ${metric}`, gte(usageDaily.day, from), lt(usageDaily.day, to)))
    .orderBy(asc(usageDaily.day));
}
