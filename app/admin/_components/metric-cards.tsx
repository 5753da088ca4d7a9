import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import type { MetricCard } from "@/lib/admin/metrics/dashboard";
import { describeChange, formatFigure } from "@/lib/admin/metrics/format";
import { cn } from "@/lib/utils";

/** The headline figures, each with its change against the period before (green when the change is good news). */
export function MetricCards({ cards }: { cards: MetricCard[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Headline figures">
      {cards.map((card) => {
        const change = describeChange(card.value, card.previous, card.format);
        const good = change && change.direction !== "flat" && (change.direction === "up") === (card.better === "up");
        const Icon = !change || change.direction === "flat" ? Minus : change.direction === "up" ? ArrowUpRight : ArrowDownRight;
        return (
          <li key={card.key} className="grid gap-2 rounded-xl border bg-card p-4 text-card-foreground shadow-xs" data-testid="metric-card">
            <h2 className="text-sm font-medium text-muted-foreground">{card.label}</h2>
            <p className="text-2xl font-semibold tracking-tight tabular-nums">{formatFigure(card.value, card.format)}</p>
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
              {change ? (
                <span className={cn("inline-flex items-center gap-0.5 font-medium tabular-nums", change.direction === "flat" ? "text-muted-foreground" : good ? "text-success" : "text-destructive")}>
                  <Icon className="size-3.5" aria-hidden />
                  {change.text}
                  <span className="sr-only">{change.direction === "flat" ? "(no change)" : good ? "(better)" : "(worse)"}</span>
                </span>
              ) : null}
              <span className="text-muted-foreground">{change ? card.comparedWith : "nothing to compare with yet"}</span>
            </p>
            {card.details?.length ? (
              <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
                {card.details.map((d) => (
                  <div key={d.label} className="flex gap-1">
                    <dt>{d.label}</dt>
                    <dd className="font-medium text-foreground tabular-nums">{formatFigure(d.value, d.format)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
