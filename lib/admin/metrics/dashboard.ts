import type { MetricsCohortCell, MetricsDay } from "@/db/schema";
import { addDays, daysBetween } from "./days";
import { metricsRanges, type MetricsRange } from "./ranges";

/** How a figure is shown. */
export type FigureFormat = "cents" | "count" | "percent";

/** A headline card: the figure now, the same figure a period before, and which way is good. */
export type MetricCard = {
  key: string;
  label: string;
  value: number | null;
  previous: number | null;
  format: FigureFormat;
  /** "up": a rise is good news (MRR); "down": a fall is (churn). */
  better: "up" | "down";
  /** What the change is measured against ("vs 30 days before"). */
  comparedWith: string;
  /** Smaller figures shown under the main one. */
  details?: { label: string; value: number | null; format: FigureFormat }[];
};

export type DailyPoint = { day: string; mrr: number; dau: number; wau: number; mau: number };
export type SignupPoint = { period: string; signups: number; newOrgs: number };
/** One month's MRR movements in cents; contraction and churned are negative, as they are drawn. */
export type MovementPoint = { month: string; new: number; expansion: number; reactivation: number; contraction: number; churned: number; net: number };
export type CohortRow = { month: string; orgs: number; cells: { monthsSince: number; paying: number; share: number | null }[] };

/** Everything the metrics page shows, as JSON (it is cached whole). */
export type MetricsDashboard = {
  range: MetricsRange;
  asOf: string | null;
  computedAt: string | null;
  cards: MetricCard[];
  daily: DailyPoint[];
  signups: { bucket: "day" | "week" | "month"; points: SignupPoint[] };
  movements: MovementPoint[];
  cohorts: { months: number; rows: CohortRow[] };
};

/** Cohorts shown: the most recent signup months, and that many months after each. */
export const COHORT_MONTHS = 12;

/** The first day the page needs for `range` ending on `last`: the range, plus the month before it for comparisons. */
export function firstDayNeeded(range: MetricsRange, last: string): string {
  const days = metricsRanges.find((r) => r.key === range)!.days;
  return days === null ? "0001-01-01" : addDays(last, -Math.max(days, 62));
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** The Monday of a day's ISO week. */
function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

const sumOf = (rows: MetricsDay[], pick: (d: MetricsDay) => number) => rows.reduce((n, d) => n + pick(d), 0);

/**
 * The page's figures from stored days and cohort cells (pure; `days` oldest first and reaching back at least a
 * month before the range). Cards compare the latest day with 30 days before it; net new MRR compares this month so
 * far with the same days of last month.
 */
export function buildDashboard(range: MetricsRange, days: MetricsDay[], cohortCells: MetricsCohortCell[]): MetricsDashboard {
  const latest = days.at(-1);
  if (!latest) {
    return { range, asOf: null, computedAt: null, cards: [], daily: [], signups: { bucket: "day", points: [] }, movements: [], cohorts: { months: COHORT_MONTHS, rows: [] } };
  }
  const byDay = new Map(days.map((d) => [d.day, d]));
  const monthAgo = byDay.get(addDays(latest.day, -30)) ?? null;

  const rangeDays = metricsRanges.find((r) => r.key === range)!.days;
  const start = rangeDays === null ? days[0]!.day : addDays(latest.day, -(rangeDays - 1));
  const inRange = days.filter((d) => d.day >= start);

  // This month so far against the same number of days of the month before.
  const thisMonth = monthOf(latest.day);
  const lastMonth = monthOf(addDays(thisMonth, -1));
  const dayOfMonth = daysBetween(thisMonth, latest.day);
  const mtd = days.filter((d) => d.day >= thisMonth);
  const lastMtd = days.filter((d) => d.day >= lastMonth && d.day < thisMonth && daysBetween(lastMonth, d.day) <= dayOfMonth);
  const priorMonthCovered = days[0]!.day <= lastMonth;

  const vs30 = "vs 30 days before";
  const cards: MetricCard[] = [
    { key: "mrr", label: "MRR", value: latest.mrrCents, previous: monthAgo?.mrrCents ?? null, format: "cents", better: "up", comparedWith: vs30, details: [{ label: "ARR", value: latest.arrCents, format: "cents" }] },
    {
      key: "net-new-mrr",
      label: "Net new MRR this month",
      value: sumOf(mtd, (d) => d.netNewMrrCents),
      previous: priorMonthCovered ? sumOf(lastMtd, (d) => d.netNewMrrCents) : null,
      format: "cents",
      better: "up",
      comparedWith: "vs the same days last month",
    },
    { key: "paying-orgs", label: "Paying organizations", value: latest.payingOrgs, previous: monthAgo?.payingOrgs ?? null, format: "count", better: "up", comparedWith: vs30, details: [{ label: "ARPA", value: latest.arpaCents, format: "cents" }] },
    { key: "churn", label: "Logo churn (30 days)", value: latest.logoChurnRate, previous: monthAgo?.logoChurnRate ?? null, format: "percent", better: "down", comparedWith: vs30, details: [{ label: "Revenue churn", value: latest.revenueChurnRate, format: "percent" }] },
    { key: "trial-conversion", label: "Trial conversion (30 days)", value: latest.trialConversionRate, previous: monthAgo?.trialConversionRate ?? null, format: "percent", better: "up", comparedWith: vs30 },
    { key: "active-users", label: "Active users (30 days)", value: latest.mau, previous: monthAgo?.mau ?? null, format: "count", better: "up", comparedWith: vs30, details: [{ label: "DAU", value: latest.dau, format: "count" }, { label: "WAU", value: latest.wau, format: "count" }] },
  ];

  const bucket = rangeDays === 30 ? "day" : rangeDays === 90 ? "week" : "month";
  const bucketOf = bucket === "day" ? (d: string) => d : bucket === "week" ? weekOf : monthOf;
  const signups = new Map<string, SignupPoint>();
  for (const d of inRange) {
    const key = bucketOf(d.day);
    const point = signups.get(key) ?? { period: key, signups: 0, newOrgs: 0 };
    point.signups += d.signups;
    point.newOrgs += d.newOrgs;
    signups.set(key, point);
  }

  const movements = new Map<string, MovementPoint>();
  for (const d of inRange) {
    const key = monthOf(d.day);
    const m = movements.get(key) ?? { month: key, new: 0, expansion: 0, reactivation: 0, contraction: 0, churned: 0, net: 0 };
    m.new += d.newMrrCents;
    m.expansion += d.expansionMrrCents;
    m.reactivation += d.reactivationMrrCents;
    m.contraction -= d.contractionMrrCents;
    m.churned -= d.churnedMrrCents;
    m.net += d.netNewMrrCents;
    movements.set(key, m);
  }

  const cohortMonths = [...new Set(cohortCells.map((c) => c.cohortMonth))].sort().slice(-COHORT_MONTHS);
  const rows: CohortRow[] = cohortMonths.map((month) => {
    const cells = cohortCells.filter((c) => c.cohortMonth === month && c.monthsSince < COHORT_MONTHS);
    const orgs = cells[0]?.orgs ?? 0;
    return { month, orgs, cells: cells.map((c) => ({ monthsSince: c.monthsSince, paying: c.paying, share: orgs > 0 ? c.paying / orgs : null })) };
  });

  return {
    range,
    asOf: latest.day,
    computedAt: new Date(latest.computedAt).toISOString(),
    cards,
    daily: inRange.map((d) => ({ day: d.day, mrr: d.mrrCents, dau: d.dau, wau: d.wau, mau: d.mau })),
    signups: { bucket, points: [...signups.values()] },
    movements: [...movements.values()],
    cohorts: { months: COHORT_MONTHS, rows: rows.reverse() },
  };
}
