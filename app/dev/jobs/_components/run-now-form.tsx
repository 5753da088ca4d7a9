"use client";

import { Play } from "lucide-react";
import { ActionForm, FieldError, fieldErrorsOf, FormMessage, SubmitButton } from "@/components/forms";
import { Label } from "@/components/ui/label";
import { runJobNowAction } from "../actions";

type Props = {
  functionId: string;
  /** Set for an event function: its trigger's event name, and the payload to start from (the last one seen). */
  event?: { name: string; sample: string };
};

/** "Run now" for one function; an event function's payload unfolds to be edited first. */
export function RunNowForm({ functionId, event }: Props) {
  const button = (
    <SubmitButton size="sm" variant="outline" pendingLabel="Starting…">
      <Play aria-hidden />
      Run now<span className="sr-only"> {functionId}</span>
    </SubmitButton>
  );
  if (!event) {
    return (
      <ActionForm action={runJobNowAction} className="flex flex-col items-end gap-2">
        {(state) => (
          <>
            <input type="hidden" name="functionId" value={functionId} />
            {button}
            <FormMessage state={state} />
          </>
        )}
      </ActionForm>
    );
  }
  const fieldId = `payload-${functionId}`;
  return (
    <details className="group w-full">
      <summary className="ml-auto w-fit cursor-pointer list-none rounded-md border border-input bg-background px-3 py-1.5 text-[13px] font-medium shadow-xs outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring">
        Run now…<span className="sr-only"> {functionId}</span>
      </summary>
      <ActionForm action={runJobNowAction} className="mt-3 grid gap-2">
        {(state) => (
          <>
            <input type="hidden" name="functionId" value={functionId} />
            <Label htmlFor={fieldId} className="block leading-relaxed">
              Data of a <code className="font-mono text-xs">{event.name}</code> event (JSON)
            </Label>
            <textarea
              id={fieldId}
              name="data"
              rows={6}
              defaultValue={event.sample}
              spellCheck={false}
              aria-invalid={fieldErrorsOf(state, "data") ? true : undefined}
              aria-describedby={fieldErrorsOf(state, "data") ? `${fieldId}-error` : undefined}
              className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
            />
            <FieldError id={`${fieldId}-error`} errors={fieldErrorsOf(state, "data")} />
            <FormMessage state={state} />
            <div className="flex justify-end">{button}</div>
          </>
        )}
      </ActionForm>
    </details>
  );
}
