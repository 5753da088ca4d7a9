import { aggregateCohorts, aggregateMetricDays, type DayRange } from "./aggregate-metrics";
import { invalidateMetrics } from "./metrics-cache";

/** Days, then cohorts, then a fresh read for /admin: a whole run in one call, in-process (scripts, tests). */
export async function aggregateMetrics(range: DayRange): Promise<{ days: number; cohortCells: number }> {
  const days = await aggregateMetricDays(range);
  const cohortCells = await aggregateCohorts(range.to);
  await invalidateMetrics();
  return { days, cohortCells };
}
