import { activeUsersByDay, apiRequestsByDay, cohortCells, firstActivityDay, metricsDayRange, replaceCohorts, revenueByDay, signupsByDay, upsertMetricsDays } from "@/db/queries/metrics";
import { withSystem } from "@/db/tenant";
import { buildMetricsDays } from "./build-metrics-days";
import { addDays, utcDay } from "./days";

/** A span of UTC days, both ends included. */
export type DayRange = { from: string; to: string };

/** The days a run covers when none are named: yesterday (now complete) and today so far. */
export function defaultRange(now: Date = new Date()): DayRange {
  const today = utcDay(now);
  return { from: addDays(today, -1), to: today };
}

/** Every day from the first organization, person or ledger row to today: a full backfill (null on an empty database). */
export async function fullRange(now: Date = new Date()): Promise<DayRange | null> {
  const first = await withSystem("metrics: first day with data", firstActivityDay);
  return first ? { from: first, to: utcDay(now) } : null;
}

/**
 * Computes and stores metrics_daily for the days of `range`, from the raw tables, in one transaction. Each day's
 * row is replaced, so running a day twice leaves it as running it once. Returns the number of days written.
 */
export async function aggregateMetricDays(range: DayRange): Promise<number> {
  if (range.to < range.from) return 0;
  return withSystem("aggregate metrics: days", async (tx) => {
    const [revenue, signups, active, apiRequests] = [
      await revenueByDay(tx, range.from, range.to),
      await signupsByDay(tx, range.from, range.to),
      await activeUsersByDay(tx, range.from, range.to),
      await apiRequestsByDay(tx, range.from, range.to),
    ];
    const days = buildMetricsDays({ revenue, signups, active, apiRequests });
    await upsertMetricsDays(tx, days);
    return days.length;
  });
}

/**
 * Recomputes every signup cohort as of the latest day with figures (a backfill of an old range never rewinds
 * them), replacing the stored cells. Returns the number of cells.
 */
export async function aggregateCohorts(asOf?: string): Promise<number> {
  return withSystem("aggregate metrics: cohorts", async (tx) => {
    const { last } = await metricsDayRange(tx);
    const day = [asOf, last].filter((d): d is string => Boolean(d)).sort().at(-1);
    if (!day) return 0;
    const cells = await cohortCells(tx, day);
    await replaceCohorts(tx, cells);
    return cells.length;
  });
}
