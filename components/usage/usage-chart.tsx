import type { UsageDay } from "@/lib/usage/usage-this-month";

const number = new Intl.NumberFormat("en-US");
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Requests per day as a row of CSS bars (no chart library), with the month's total against the allowance. */
export function UsageChart({ days, total, allowance }: { days: UsageDay[]; total: number; allowance: number }) {
  const peak = Math.max(1, ...days.map((d) => d.count));
  const share = Math.min(100, (total / allowance) * 100);
  return (
    <div className="grid gap-4">
      <div>
        <p className="text-sm">
          <span className="text-2xl font-semibold tabular-nums" data-testid="usage-total">
            {number.format(total)}
          </span>{" "}
          <span className="text-muted-foreground">of {number.format(allowance)} requests this month</span>
        </p>
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-muted" role="meter" aria-valuemin={0} aria-valuemax={allowance} aria-valuenow={total} aria-label="Share of the monthly allowance used">
          <div className={share >= 90 ? "h-full bg-destructive" : "h-full bg-primary"} style={{ width: `${share}%` }} />
        </div>
      </div>
      <figure>
        <div className="flex h-24 items-end gap-px sm:gap-0.5" aria-hidden>
          {days.map((d) => (
            <div key={d.day} className="group relative flex h-full min-w-0 flex-1 items-end" title={`${dayLabel.format(new Date(`${d.day}T00:00:00Z`))}: ${number.format(d.count)}`}>
              <div className="w-full rounded-t-sm bg-primary/70 group-hover:bg-primary" style={{ height: d.count ? `${Math.max(4, (d.count / peak) * 100)}%` : "1px" }} />
            </div>
          ))}
        </div>
        <figcaption className="mt-2 flex justify-between text-xs text-muted-foreground">
          <span>{days[0] ? dayLabel.format(new Date(`${days[0].day}T00:00:00Z`)) : ""}</span>
          <span>Requests per day (UTC), updated every few minutes</span>
          <span>{days.at(-1) ? dayLabel.format(new Date(`${days.at(-1)!.day}T00:00:00Z`)) : ""}</span>
        </figcaption>
        <table className="sr-only">
          <caption>API requests per day this month</caption>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </div>
  );
}
