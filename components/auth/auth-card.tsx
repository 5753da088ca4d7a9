import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** The card every auth page shows: a heading, a line of context, the form, and a footer (links to the other pages). */
export function AuthCard({ title, description, children, footer, icon, className }: { title: string; description?: ReactNode; children?: ReactNode; footer?: ReactNode; icon?: ReactNode; className?: string }) {
  return (
    <div className={cn("grid gap-6", className)}>
      <div className="rounded-xl border bg-card p-6 text-card-foreground shadow-sm sm:p-8">
        <div className="mb-6 grid gap-2 text-center">
          {icon ? <div className="mx-auto mb-2 flex size-11 items-center justify-center rounded-full bg-primary/10 text-primary [&_svg]:size-5">{icon}</div> : null}
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {children}
      </div>
      {footer ? <div className="text-center text-sm text-muted-foreground">{footer}</div> : null}
    </div>
  );
}

/** A line between two ways of signing in. */
export function AuthDivider({ children = "or" }: { children?: ReactNode }) {
  return (
    <div className="my-5 flex items-center gap-3 text-xs text-muted-foreground uppercase">
      <span className="h-px flex-1 bg-border" />
      {children}
      <span className="h-px flex-1 bg-border" />
    </div>
  );
}

/** A link in an auth page's footer or form. */
export const authLinkClass = "font-medium text-foreground underline-offset-4 hover:underline focus-visible:underline outline-none focus-visible:ring-2 focus-visible:ring-ring rounded-sm";
