"use client";

import type { BillingInterval } from "@/lib/plans";
import { cn } from "@/lib/utils";

/** Monthly or yearly: a two-option radio group styled as a segmented control (arrow keys move between them). */
export function IntervalToggle({ value, onChange, className }: { value: BillingInterval; onChange: (v: BillingInterval) => void; className?: string }) {
  const options: Array<{ id: BillingInterval; label: string; note?: string }> = [
    { id: "month", label: "Monthly" },
    { id: "year", label: "Yearly", note: "2 months free" },
  ];
  return (
    <div role="radiogroup" aria-label="Billing period" className={cn("inline-flex rounded-lg border bg-muted/50 p-1", className)}>
      {options.map((o) => (
        <label
          key={o.id}
          className={cn(
            "flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
            value === o.id && "bg-background text-foreground shadow-xs",
          )}
        >
          <input type="radio" name="billing-interval" value={o.id} checked={value === o.id} onChange={() => onChange(o.id)} className="sr-only" />
          {o.label}
          {o.note ? <span className="rounded-full bg-primary/10 px-1.5 py-0.5 text-xs text-primary">{o.note}</span> : null}
        </label>
      ))}
    </div>
  );
}
