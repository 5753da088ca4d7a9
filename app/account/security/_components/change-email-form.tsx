"use client";

import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { requestEmailChangeAction } from "../actions";

/** New address (and the password, when the account has one); the change waits for the link sent to it. */
export function ChangeEmailForm({ hasPassword }: { hasPassword: boolean }) {
  return (
    <ActionForm action={requestEmailChangeAction} resetOnSuccess className="grid max-w-md gap-4" noValidate>
      {(state) => (
        <>
          <FormField name="email" label="New email address" type="email" autoComplete="email" required errors={fieldErrorsOf(state, "email")} />
          {hasPassword ? <FormField name="password" label="Current password" type="password" autoComplete="current-password" required errors={fieldErrorsOf(state, "password")} /> : null}
          <FormMessage state={state} />
          <SubmitButton className="justify-self-start" pendingLabel="Sending link…">
            Change email
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
