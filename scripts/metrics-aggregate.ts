// npm run metrics:aggregate [-- --from YYYY-MM-DD] [--to YYYY-MM-DD] - recomputes /admin's figures directly, without
// the job queue: every day since the first signup by default (a backfill), or the days named. The same functions
// the aggregate-metrics job's steps call; safe to run any number of times.
import { parseArgs } from "node:util";
import { closeDatabase } from "@/db/client";
import { fullRange } from "@/lib/admin/metrics/aggregate-metrics";
import { aggregateMetrics } from "@/lib/admin/metrics/run-aggregation";
import { utcDay } from "@/lib/admin/metrics/days";
import { runCli } from "./cli";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });

await runCli("metrics:aggregate", async () => {
  const all = await fullRange();
  if (!all) {
    console.log("metrics:aggregate: the database has no organizations or people yet; nothing to aggregate");
    return;
  }
  const range = { from: values.from ?? all.from, to: values.to ?? utcDay(new Date()) };
  const t = performance.now();
  const done = await aggregateMetrics(range);
  console.log(`metrics:aggregate: ${done.days} days (${range.from}..${range.to}) and ${done.cohortCells} cohort cells in ${Math.round(performance.now() - t)} ms`);
  await closeDatabase();
});
