import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { adminPage } from "@/lib/admin/admin-page";
import { chartSummaries } from "@/lib/admin/metrics/chart-summaries";
import { utcDay } from "@/lib/admin/metrics/days";
import { formatDay } from "@/lib/admin/metrics/format";
import { loadMetricsDashboard } from "@/lib/admin/metrics/load-dashboard";
import { parseMetricsRange } from "@/lib/admin/metrics/ranges";
import { AggregateNowForm } from "./_components/aggregate-now-form";
import { CohortTable } from "./_components/cohort-table";
import { MetricCards } from "./_components/metric-cards";
import { ActiveUsersChart, MovementsChart, MrrChart, SignupsChart } from "./_components/metrics-charts";
import { RangePicker } from "./_components/range-picker";

export const metadata: Metadata = { title: "Metrics · Admin" };

// Chart colours, light and dark: set here once, read by the charts as CSS variables.
const chartColours = [
  "[--chart-mrr:var(--color-primary)] [--chart-new:oklch(0.6_0.15_155)] [--chart-expansion:oklch(0.7_0.13_190)] [--chart-reactivation:oklch(0.62_0.14_265)]",
  "[--chart-contraction:oklch(0.75_0.15_70)] [--chart-churned:oklch(0.6_0.2_25)] [--chart-signups:var(--color-primary)] [--chart-orgs:oklch(0.7_0.13_190)]",
  "[--chart-mau:var(--color-primary)] [--chart-wau:oklch(0.65_0.14_190)] [--chart-dau:oklch(0.72_0.15_70)]",
  "dark:[--chart-new:oklch(0.72_0.15_155)] dark:[--chart-expansion:oklch(0.8_0.12_190)] dark:[--chart-reactivation:oklch(0.72_0.13_265)]",
  "dark:[--chart-contraction:oklch(0.82_0.14_75)] dark:[--chart-churned:oklch(0.68_0.19_25)] dark:[--chart-orgs:oklch(0.8_0.12_190)]",
  "dark:[--chart-wau:oklch(0.78_0.12_190)] dark:[--chart-dau:oklch(0.85_0.14_80)]",
].join(" ");

/**
 * The founder's morning page: revenue, churn, trials, growth and activity, read from metrics_daily through the cache
 * (the aggregate-metrics job writes them; nothing here touches the raw tables).
 */
export default adminPage({ name: "metrics" }, async ({ searchParams }) => {
  const range = parseMetricsRange(searchParams.range);
  const data = await loadMetricsDashboard(range);

  if (!data.asOf) {
    return (
      <div className="grid gap-6">
        <h1 className="text-2xl font-semibold tracking-tight">Metrics</h1>
        <section className="grid justify-items-center gap-3 rounded-xl border border-dashed px-6 py-16 text-center">
          <BarChart3 className="size-10 text-muted-foreground" aria-hidden />
          <h2 className="text-lg font-semibold">No figures yet</h2>
          <p className="max-w-md text-sm text-muted-foreground">
            The aggregate-metrics job computes them every night from subscriptions, signups, sessions and usage. Run it now to see today&apos;s.
          </p>
          <AggregateNowForm variant="default" />
        </section>
      </div>
    );
  }

  const summaries = chartSummaries(data);
  return (
    <div className="grid gap-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Metrics</h1>
          <p className="text-sm text-muted-foreground">
            {data.asOf === utcDay(new Date()) ? "Through today so far" : `As of the end of ${formatDay(data.asOf)}`} (UTC), computed{" "}
            {new Date(data.computedAt!).toISOString().slice(0, 16).replace("T", " ")} UTC.
          </p>
        </div>
        <AggregateNowForm />
      </header>

      <MetricCards cards={data.cards} />

      <section aria-labelledby="charts-heading" className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="charts-heading" className="text-lg font-semibold tracking-tight">
            Trends
          </h2>
          <RangePicker current={range} />
        </div>
        <div className={`grid gap-4 lg:grid-cols-2 ${chartColours}`}>
          <MrrChart points={data.daily} summary={summaries.mrr} />
          <MovementsChart points={data.movements} summary={summaries.movements} />
          <SignupsChart points={data.signups.points} bucket={data.signups.bucket} summary={summaries.signups} />
          <ActiveUsersChart points={data.daily} summary={summaries.active} />
        </div>
      </section>

      <section aria-labelledby="cohorts-heading" className="grid gap-4">
        <div className="grid gap-1">
          <h2 id="cohorts-heading" className="text-lg font-semibold tracking-tight">
            Cohort retention
          </h2>
          <p className="text-sm text-muted-foreground">
            Share of each month&apos;s new organizations paying at the end of each following month; month 0 is the signup month.
          </p>
        </div>
        {data.cohorts.rows.length ? <CohortTable rows={data.cohorts.rows} months={data.cohorts.months} /> : <p className="text-sm text-muted-foreground">No organizations yet.</p>}
      </section>
    </div>
  );
});
