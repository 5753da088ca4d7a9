"use client";

import { RefreshCw } from "lucide-react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { aggregateMetricsNowAction } from "../actions";

/** Queues the aggregation for yesterday and today; the figures refresh when the job has run. */
export function AggregateNowForm({ variant = "outline" }: { variant?: "outline" | "default" }) {
  return (
    <ActionForm action={aggregateMetricsNowAction} className="grid justify-items-start gap-2">
      {(state) => (
        <>
          <SubmitButton variant={variant} size="sm" pendingLabel="Queuing…">
            <RefreshCw aria-hidden />
            Aggregate now
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
