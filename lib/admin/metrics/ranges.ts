import { z } from "zod";

/** The periods the metrics page shows, as its `?range=` takes them. */
export const metricsRanges = [
  { key: "30d", label: "30 days", days: 30 },
  { key: "90d", label: "90 days", days: 90 },
  { key: "12m", label: "12 months", days: 365 },
  { key: "all", label: "All", days: null },
] as const;

export type MetricsRange = (typeof metricsRanges)[number]["key"];

/** `?range=` as sent; anything unknown or absent is 90 days. */
export const metricsRangeSchema = z.enum(["30d", "90d", "12m", "all"]).catch("90d");

/** The range of a search param value (a string, a repeated param, or nothing). */
export function parseMetricsRange(value: string | string[] | undefined): MetricsRange {
  return metricsRangeSchema.parse(Array.isArray(value) ? value[0] : value);
}
