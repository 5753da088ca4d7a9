"use client";

import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { changePasswordAction } from "../actions";

/** Current password plus the new one, twice. */
export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction} resetOnSuccess className="grid max-w-md gap-4" noValidate>
      {(state) => (
        <>
      <FormField name="currentPassword" label="Current password" type="password" autoComplete="current-password" required errors={fieldErrorsOf(state, "currentPassword")} />
      <FormField name="password" label="New password" type="password" autoComplete="new-password" required minLength={10} description="At least 10 characters." errors={fieldErrorsOf(state, "password")} />
      <FormField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required errors={fieldErrorsOf(state, "confirmPassword")} />
      <FormMessage state={state} />
      <SubmitButton className="justify-self-start" pendingLabel="Changing…">
        Change password
      </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
