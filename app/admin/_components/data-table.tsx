import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A table of the admin console in a focusable scrolling region (a keyboard can scroll it on a narrow screen).
 * `columns` are the header cells; a column marked `wide` hides below `lg`.
 */
export function DataTable({ label, columns, children, empty }: { label: string; columns: { label: string; wide?: boolean; numeric?: boolean }[]; children: ReactNode; empty?: ReactNode }) {
  if (empty) return <div className="rounded-xl border border-dashed px-6 py-10 text-center text-sm text-muted-foreground">{empty}</div>;
  return (
    <div className="relative overflow-x-auto rounded-xl border bg-card shadow-xs" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="border-b bg-muted/40 text-xs text-muted-foreground">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={cn("px-4 py-2.5 font-medium whitespace-nowrap", c.wide && "hidden lg:table-cell", c.numeric && "text-right")}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">{children}</tbody>
      </table>
    </div>
  );
}

/** A cell of a `DataTable` row. */
export function Cell({ children, wide, numeric, className }: { children: ReactNode; wide?: boolean; numeric?: boolean; className?: string }) {
  return <td className={cn("px-4 py-2.5 align-top", wide && "hidden lg:table-cell", numeric && "text-right tabular-nums", className)}>{children}</td>;
}

/** A titled section of an admin detail page. */
export function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  // Not a labelled landmark: its table already is one, under the same name.
  return (
    <section className="grid gap-3">
      <div>
        <h2 className="text-base font-semibold">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
