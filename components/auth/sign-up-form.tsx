"use client";

import { signUpAction } from "@/app/(auth)/actions";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";

type Props = {
  callbackUrl?: string;
  /** The address an invitation was sent to: prefilled and locked, since only it can accept the invitation. */
  invitedEmail?: string;
};

/** Create an account with a name, email and password. */
export function SignUpForm({ callbackUrl, invitedEmail }: Props) {
  return (
    <ActionForm action={signUpAction} className="grid gap-4" noValidate>
      {(state) => (
        <>
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <FormField name="name" label="Name" autoComplete="name" required autoFocus errors={fieldErrorsOf(state, "name")} />
          {invitedEmail ? (
            <FormField
              name="email"
              label="Email"
              type="email"
              autoComplete="email"
              defaultValue={invitedEmail}
              readOnly
              className="[&_input]:bg-muted/50"
              description="The invitation was sent to this address, so your account uses it."
              errors={fieldErrorsOf(state, "email")}
            />
          ) : (
            <FormField name="email" label="Work email" type="email" autoComplete="email" required errors={fieldErrorsOf(state, "email")} />
          )}
          <FormField name="password" label="Password" type="password" autoComplete="new-password" required minLength={10} description="At least 10 characters. A passphrase works well." errors={fieldErrorsOf(state, "password")} />
          <FormMessage state={state} />
          <SubmitButton className="w-full" pendingLabel="Creating account…">
            Create account
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
