import { aggregateCohorts, aggregateMetricDays, defaultRange, type DayRange } from "@/lib/admin/metrics/aggregate-metrics";
import { addDays, chunkDays, utcDay } from "@/lib/admin/metrics/days";
import { invalidateMetrics } from "@/lib/admin/metrics/metrics-cache";
import { inngest } from "../client";
import { metricsAggregateRequested } from "../events";

// A month of days per step: a full backfill of a few years is a few dozen short transactions, each retried alone.
const DAYS_PER_STEP = 31;

/**
 * The business metrics of /admin: daily at 00:15 UTC for the day that just ended, and on demand (the "Aggregate
 * now" button, a backfill) for the days the event names. Each step replaces its days' rows, so a retry or a second
 * run never double counts; cohorts are recomputed whole at the end, then the page's cache is dropped.
 */
export const aggregateMetrics = inngest.createFunction(
  {
    id: "aggregate-metrics",
    triggers: [{ cron: "TZ=UTC 15 0 * * *" }, { event: metricsAggregateRequested }],
    retries: 3,
    // Runs replace rows wholesale: one at a time keeps two overlapping runs from interleaving their writes.
    concurrency: { limit: 1 },
  },
  async ({ event, step }) => {
    const range = await step.run("choose-days", (): DayRange => {
      const now = new Date();
      if (event.name === metricsAggregateRequested.name) {
        const data = event.data as { from?: string; to?: string };
        const fallback = defaultRange(now);
        return { from: data.from ?? fallback.from, to: data.to ?? data.from ?? fallback.to };
      }
      // The cron: the day that just ended, final now.
      const yesterday = addDays(utcDay(now), -1);
      return { from: yesterday, to: yesterday };
    });
    let days = 0;
    for (const chunk of chunkDays(range.from, range.to, DAYS_PER_STEP)) {
      days += await step.run(`days-${chunk.from}`, () => aggregateMetricDays(chunk));
    }
    const cohortCells = await step.run("cohorts", () => aggregateCohorts(range.to));
    await step.run("invalidate-cache", () => invalidateMetrics());
    return { from: range.from, to: range.to, days, cohortCells };
  },
);
