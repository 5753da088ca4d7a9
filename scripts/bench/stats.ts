/** The p-th percentile (0..100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Microseconds with one decimal, for tables. */
export const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
