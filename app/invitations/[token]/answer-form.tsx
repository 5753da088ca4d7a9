"use client";

import { useState } from "react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

/** Accept (joins and opens the organization) or decline the invitation. */
export function AnswerForm({ token, orgName }: { token: string; orgName: string }) {
  const [declined, setDeclined] = useState(false);
  if (declined) {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        You declined the invitation to {orgName}. You can close this page.
      </p>
    );
  }
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <ActionForm action={declineInvitationAction} toastSuccess={false} onSuccess={() => setDeclined(true)} className="grid gap-2">
        {(state) => (
          <>
            <input type="hidden" name="token" value={token} />
            <FormMessage state={state} className="empty:hidden" />
            <SubmitButton variant="outline" className="w-full sm:w-auto" pendingLabel="Declining…">
              Decline
            </SubmitButton>
          </>
        )}
      </ActionForm>
      <ActionForm action={acceptInvitationAction} className="grid gap-2">
        {(state) => (
          <>
            <input type="hidden" name="token" value={token} />
            <FormMessage state={state} className="empty:hidden" />
            <SubmitButton className="w-full sm:w-auto" pendingLabel="Joining…">
              Accept and join {orgName}
            </SubmitButton>
          </>
        )}
      </ActionForm>
    </div>
  );
}
