import type { FigureFormat } from "./dashboard";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const compactMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const count = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** A figure as a person reads it: "$12,340" (whole dollars), "1,204", "4.2%"; "—" when there is none. */
export function formatFigure(value: number | null, format: FigureFormat): string {
  if (value === null) return "—";
  if (format === "cents") return money.format(value / 100);
  if (format === "percent") return percent.format(value);
  return count.format(value);
}

/** Cents on a chart's axis: "$12.3K". */
export function formatAxisCents(cents: number): string {
  return compactMoney.format(cents / 100);
}

/**
 * The change from `previous` to `value` in words and its direction: relative for money and counts ("+12.5%"),
 * in points for rates ("-1.2 pts"); null when there is nothing to compare with.
 */
export function describeChange(value: number | null, previous: number | null, format: FigureFormat): { text: string; direction: "up" | "down" | "flat" } | null {
  if (value === null || previous === null) return null;
  const diff = value - previous;
  const direction = Math.abs(diff) < 1e-9 ? "flat" : diff > 0 ? "up" : "down";
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  if (format === "percent") return { text: `${sign}${(Math.abs(diff) * 100).toFixed(1)} pts`, direction };
  if (previous === 0) return { text: `${sign}${formatFigure(Math.abs(diff), format)}`, direction };
  return { text: `${sign}${percent.format(Math.abs(diff / previous))}`, direction };
}

const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Mar 2026" for a month's first day. */
export function formatMonth(day: string): string {
  return monthLabel.format(new Date(`${day}T00:00:00Z`));
}

/** "Mar 14" for a day. */
export function formatDay(day: string): string {
  return dayLabel.format(new Date(`${day}T00:00:00Z`));
}
