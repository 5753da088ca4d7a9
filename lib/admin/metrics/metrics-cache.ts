import { cache } from "@/lib/cache";

/** Every cached read of the metrics page is written under this tag; a run of the aggregation invalidates it. */
export const METRICS_TAG = "admin-metrics";

/** How long a cached read lives without a run to invalidate it: runs are daily, so this only bounds drift. */
export const METRICS_TTL_SECONDS = 3600;

/** Drops every cached read of the metrics page (after the aggregation wrote; outside its transaction). */
export async function invalidateMetrics(): Promise<void> {
  await cache.invalidateTag(METRICS_TAG);
}
