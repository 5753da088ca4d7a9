"use client";

import { RotateCcw } from "lucide-react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { replayJobRunAction } from "../actions";

/** "Replay" for a finished run: a new run of the same function with the same event. */
export function ReplayButton({ runId }: { runId: string }) {
  return (
    <ActionForm action={replayJobRunAction} className="flex flex-wrap items-center gap-3">
      {(state) => (
        <>
          <input type="hidden" name="runId" value={runId} />
          <SubmitButton size="sm" variant="outline" pendingLabel="Starting…">
            <RotateCcw aria-hidden />
            Replay
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
