import type { MetricsDashboard } from "./dashboard";
import { formatDay, formatFigure, formatMonth } from "./format";

/** One sentence per chart saying what it shows, for its accessible name and its caption. */
export function chartSummaries(d: MetricsDashboard): { mrr: string; movements: string; signups: string; active: string } {
  const first = d.daily[0];
  const last = d.daily.at(-1);
  const money = (c: number) => formatFigure(c, "cents");
  const gained = d.movements.reduce((n, m) => n + m.new + m.expansion + m.reactivation, 0);
  const lost = d.movements.reduce((n, m) => n - m.contraction - m.churned, 0);
  const people = d.signups.points.reduce((n, p) => n + p.signups, 0);
  const orgs = d.signups.points.reduce((n, p) => n + p.newOrgs, 0);
  const busiest = d.signups.points.reduce<(typeof d.signups.points)[number] | null>((best, p) => (!best || p.signups > best.signups ? p : best), null);
  return {
    mrr: first && last ? `From ${money(first.mrr)} on ${formatDay(first.day)} to ${money(last.mrr)} on ${formatDay(last.day)}.` : "No data.",
    movements: d.movements.length
      ? `${money(gained)} gained and ${money(lost)} lost from ${formatMonth(d.movements[0]!.month)} to ${formatMonth(d.movements.at(-1)!.month)}.`
      : "No data.",
    signups: busiest
      ? `${formatFigure(people, "count")} people and ${formatFigure(orgs, "count")} organizations; the busiest ${d.signups.bucket} had ${formatFigure(busiest.signups, "count")} signups.`
      : "No data.",
    active: last ? `On ${formatDay(last.day)}: ${formatFigure(last.dau, "count")} daily, ${formatFigure(last.wau, "count")} weekly and ${formatFigure(last.mau, "count")} monthly active people.` : "No data.",
  };
}
