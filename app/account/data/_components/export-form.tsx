"use client";

import { Download } from "lucide-react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import type { ActionState } from "@/lib/action";

type Props = { action: (prev: ActionState<{ id: string }>, form: FormData) => Promise<ActionState<{ id: string }>> };

/** The "Export my data" button and what came of it. */
export function ExportForm({ action }: Props) {
  return (
    <ActionForm action={action} className="grid gap-3">
      {(state) => (
        <>
      <div>
        <SubmitButton variant="outline" pendingLabel="Requesting…">
          <Download aria-hidden /> Export my data
        </SubmitButton>
      </div>
      <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
