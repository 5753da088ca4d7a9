import { CircleAlert } from "lucide-react";
import Link from "next/link";
import type { ActionState } from "@/lib/action";
import { cn } from "@/lib/utils";

/**
 * The form's error region: always rendered (so screen readers announce changes), showing the action's error
 * message inline, next to the form. Success messages are toasts (`ActionForm`); field errors are shown by
 * `FormField`. Empty, it takes no room in a grid.
 */
export function FormMessage({ state, className }: { state: ActionState<unknown> | undefined; className?: string }) {
  const error = state && !state.ok ? state.error.message : null;
  const link = state && !state.ok ? state.error.link : undefined;
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
      ) : null}
    </div>
  );
}

/** The messages of one field from an action's state, for `FormField`'s `errors`. */
export function fieldErrorsOf(state: ActionState<unknown> | undefined, name: string): string[] | undefined {
  return state && !state.ok ? state.error.fields?.[name] : undefined;
}
