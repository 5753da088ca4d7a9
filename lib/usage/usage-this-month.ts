import { listUsage } from "@/db/queries/usage";
import type { Tx } from "@/db/tenant";
import type { OrgContext } from "@/lib/orgs/membership";
import { planById } from "@/lib/plans";
import { utcDay } from "./usage-counter";

/** One UTC day of the month and its API requests. */
export type UsageDay = { day: string; count: number };

/**
 * The organization's API requests this month (UTC), one entry per day up to today (zero where none were made),
 * with the total and the plan's allowance (inside withTenant). Counts are as of the last flush (every few minutes).
 */
export async function usageThisMonth(tx: Tx, org: Pick<OrgContext, "plan">, now = new Date()) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const rows = await listUsage(tx, "api_requests", utcDay(first), utcDay(next));
  const byDay = new Map(rows.map((r) => [r.day, r.count]));
  const days: UsageDay[] = [];
  for (let d = first; d <= now; d = new Date(d.getTime() + 86_400_000)) days.push({ day: utcDay(d), count: byDay.get(utcDay(d)) ?? 0 });
  return { days, total: days.reduce((sum, d) => sum + d.count, 0), allowance: planById(org.plan).limits.apiRequestsPerMonth };
}
