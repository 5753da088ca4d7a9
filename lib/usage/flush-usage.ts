import { upsertUsageTotals } from "@/db/queries/usage";
import { withSystem } from "@/db/tenant";
import { usageCounter, utcDay, type UsageCounter } from "./usage-counter";

/**
 * Writes the API request counts of today and yesterday (UTC) from Redis into `usage_daily`. Counters are running
 * day totals, so a flush that runs twice, late or concurrently writes the same numbers; yesterday is included so
 * the requests of a day's last minutes are not left behind at midnight. Returns how many rows it wrote.
 */
export async function flushUsage(now = new Date(), counter: UsageCounter = usageCounter()): Promise<number> {
  const days = [utcDay(new Date(now.getTime() - 86_400_000)), utcDay(now)];
  const rows = (await Promise.all(days.map(async (day) => (await counter.readDay(day)).map((r) => ({ ...r, day, metric: "api_requests" as const }))))).flat();
  if (rows.length) await withSystem("flush-usage: API request counts of every organization", (tx) => upsertUsageTotals(tx, rows));
  return rows.length;
}
