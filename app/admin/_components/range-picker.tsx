import Link from "next/link";
import { metricsRanges, type MetricsRange } from "@/lib/admin/metrics/ranges";
import { cn } from "@/lib/utils";

/** The charts' period as plain links (`?range=`): it works without JavaScript and each view has its own URL. */
export function RangePicker({ current }: { current: MetricsRange }) {
  return (
    <nav aria-label="Period">
      <ul className="inline-flex rounded-lg border bg-muted p-0.5">
        {metricsRanges.map((r) => (
          <li key={r.key}>
            <Link
              href={r.key === "90d" ? "/admin" : `/admin?range=${r.key}`}
              aria-current={r.key === current ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                r.key === current && "bg-background text-foreground shadow-xs",
              )}
            >
              {r.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
