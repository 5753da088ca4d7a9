import type { CohortRow } from "@/lib/admin/metrics/dashboard";
import { formatFigure, formatMonth } from "@/lib/admin/metrics/format";

/**
 * Retention of monthly signup cohorts as a heat map that is still a table: each cell says its share in words and
 * its colour only repeats it, so it reads the same to a screen reader and in either theme.
 */
export function CohortTable({ rows, months }: { rows: CohortRow[]; months: number }) {
  const columns = Array.from({ length: months }, (_, i) => i);
  return (
    <div className="relative overflow-x-auto rounded-xl border bg-card py-2 shadow-xs" tabIndex={0} role="region" aria-labelledby="cohorts-caption">
      <table className="w-full border-separate border-spacing-0 text-xs tabular-nums">
        <caption id="cohorts-caption" className="sr-only">
          Share of each month&apos;s new organizations paying at the end of each following month (month 0 is the signup month)
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-card px-3 py-2 text-left font-medium whitespace-nowrap">
              Cohort
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              Orgs
            </th>
            {columns.map((m) => (
              <th key={m} scope="col" className="px-1 py-2 text-center font-medium whitespace-nowrap">
                <span className="sr-only">Month </span>
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month}>
              <th scope="row" className="sticky left-0 bg-card px-3 py-1 text-left font-medium whitespace-nowrap">
                {formatMonth(row.month)}
              </th>
              <td className="px-2 py-1 text-right text-muted-foreground">{formatFigure(row.orgs, "count")}</td>
              {columns.map((m) => {
                const cell = row.cells.find((c) => c.monthsSince === m);
                if (!cell || cell.share === null) return <td key={m} className="px-1 py-1" />;
                // The primary colour's strength follows the share, kept light enough (at most 45%) that the text
                // colour of either theme stays readable on every cell.
                const strength = Math.round(6 + cell.share * 39);
                return (
                  <td key={m} className="p-0.5">
                    <span
                      className="block min-w-11 rounded px-1.5 py-1.5 text-center text-foreground"
                      style={{ backgroundColor: `color-mix(in oklch, var(--color-primary) ${strength}%, transparent)` }}
                      title={`${cell.paying} of ${row.orgs} paying`}
                    >
                      {formatFigure(cell.share, "percent")}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
