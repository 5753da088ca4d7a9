"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

/** Accept (joins and opens the organization) or decline the invitation. */
export function AnswerForm({ token, orgName }: { token: string; orgName: string }) {
  const [acceptState, accept, accepting] = useActionState(acceptInvitationAction, null);
  const [declineState, decline, declining] = useActionState(declineInvitationAction, null);
  if (declineState?.ok) {
    return <FormMessage state={declineState} />;
  }
  return (
    <div className="grid gap-4">
      <FormMessage state={acceptState ?? declineState} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <form action={decline}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton variant="outline" className="w-full sm:w-auto" pending={declining} disabled={accepting} pendingLabel="Declining…">
            Decline
          </SubmitButton>
        </form>
        <form action={accept}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton className="w-full sm:w-auto" pending={accepting} disabled={declining} pendingLabel="Joining…">
            Accept and join {orgName}
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
