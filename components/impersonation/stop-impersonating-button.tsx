"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { stopImpersonatingAction } from "./actions";

/** The banner's way back to the admin's own session. */
export function StopImpersonatingButton() {
  return (
    <ActionForm action={stopImpersonatingAction} className="flex items-center gap-2">
      {(state) => (
        <>
          <FormMessage state={state} />
          <SubmitButton
            size="sm"
            variant="outline"
            pendingLabel="Stopping…"
            className="border-amber-400 bg-amber-50 text-amber-950 hover:bg-white dark:border-amber-700 dark:bg-amber-900 dark:text-amber-50 dark:hover:bg-amber-800"
          >
            Stop impersonating
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
