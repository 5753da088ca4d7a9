"use client";

import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";

/** Create an account with a name, email and password. */
export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signUpAction, null);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <FormField name="name" label="Name" autoComplete="name" required autoFocus errors={fieldErrorsOf(state, "name")} />
      <FormField name="email" label="Work email" type="email" autoComplete="email" required errors={fieldErrorsOf(state, "email")} />
      <FormField name="password" label="Password" type="password" autoComplete="new-password" required minLength={10} description="At least 10 characters. A passphrase works well." errors={fieldErrorsOf(state, "password")} />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
