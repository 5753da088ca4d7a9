"use client";

import { useState } from "react";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import type { ActionState } from "@/lib/action";

type Props = { email: string; action: (prev: ActionState<null>, form: FormData) => Promise<ActionState<null>> };

/** Deleting the account, armed only once the person typed their own email address. */
export function DeleteAccountForm({ email, action }: Props) {
  const [typed, setTyped] = useState("");
  const armed = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <ActionForm action={action} className="grid gap-4">
      {(state) => (
        <>
      <FormField
        name="confirmEmail"
        label={
          <span>
            Type <span className="font-mono">{email}</span> to confirm
          </span>
        }
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        errors={fieldErrorsOf(state, "confirmEmail")}
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton variant="destructive" disabled={!armed} pendingLabel="Deleting…">
          Delete my account
        </SubmitButton>
      </div>
        </>
      )}
    </ActionForm>
  );
}
