import { listCohortCells, listMetricsDays, metricsDayRange } from "@/db/queries/metrics";
import { withSystem } from "@/db/tenant";
import { cache } from "@/lib/cache";
import { buildDashboard, firstDayNeeded, type MetricsDashboard } from "./dashboard";
import { METRICS_TAG, METRICS_TTL_SECONDS } from "./metrics-cache";
import type { MetricsRange } from "./ranges";

/**
 * The metrics page's figures for a range, through the cache: stored days and cohort cells only (never the raw
 * tables), built once per range and kept until the aggregation writes again (or the TTL passes).
 */
export async function loadMetricsDashboard(range: MetricsRange): Promise<MetricsDashboard> {
  return cache.getOrSet(
    `admin:metrics:${range}`,
    METRICS_TTL_SECONDS,
    () =>
      withSystem("admin metrics page", async (tx) => {
        const { last } = await metricsDayRange(tx);
        if (!last) return buildDashboard(range, [], []);
        const [days, cells] = [await listMetricsDays(tx, firstDayNeeded(range, last)), await listCohortCells(tx)];
        return buildDashboard(range, days, cells);
      }),
    { tags: [METRICS_TAG] },
  ) as Promise<MetricsDashboard>;
}
