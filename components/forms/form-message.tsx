import { CircleAlert, CircleCheck } from "lucide-react";
import Link from "next/link";
import type { ActionState } from "@/lib/action";
import { cn } from "@/lib/utils";


/**
 * The form's message region: always rendered (so screen readers announce changes), showing the action's error
 * message or its success message. Empty, it takes no room in a grid. Field errors are shown by `FormField`.
 */
export function FormMessage({ state, className }: { state: ActionState<unknown> | undefined; className?: string }) {
  const error = state && !state.ok ? state.error.message : null;
  const link = state && !state.ok ? state.error.link : undefined;
  const success = state && state.ok ? state.message : null;
  return (
    <div aria-live="polite" aria-atomic="true" className={cn("empty:absolute", className)}>
      {error ? (
        <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            {error}
            {link ? (
              <>
                {" "}
                <Link href={link.href} className="font-medium underline underline-offset-4">
                  {link.label}
                </Link>
              </>
            ) : null}
          </span>
        </p>
      ) : success ? (
        <p className="flex items-start gap-2 rounded-md border border-success/40 bg-success/5 px-3 py-2 text-sm text-foreground">
          <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
          <span>{success}</span>
        </p>
      ) : null}
    </div>
  );
}

/** The messages of one field from an action's state, for `FormField`'s `errors`. */
export function fieldErrorsOf(state: ActionState<unknown> | undefined, name: string): string[] | undefined {
  return state && !state.ok ? state.error.fields?.[name] : undefined;
}
