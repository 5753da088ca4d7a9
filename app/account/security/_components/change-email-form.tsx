"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { requestEmailChangeAction } from "../actions";

/** New address (and the password, when the account has one); the change waits for the link sent to it. */
export function ChangeEmailForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action] = useActionState(requestEmailChangeAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="grid max-w-md gap-4" noValidate>
      <FormField name="email" label="New email address" type="email" autoComplete="email" required errors={fieldErrorsOf(state, "email")} />
      {hasPassword ? <FormField name="password" label="Current password" type="password" autoComplete="current-password" required errors={fieldErrorsOf(state, "password")} /> : null}
      <FormMessage state={state} />
      <SubmitButton className="justify-self-start" pendingLabel="Sending link…">
        Change email
      </SubmitButton>
    </form>
  );
}
