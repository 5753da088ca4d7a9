"use client";

import { useActionState } from "react";
import { verifyTwoFactorAction } from "@/app/(auth)/actions";
import { FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";

/** The second step of signing in: a code from the authenticator app or a recovery code, and "remember this device". */
export function TwoFactorForm() {
  const [state, formAction] = useActionState(verifyTwoFactorAction, null);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormField
        name="code"
        label="Authentication code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        className="[&_input]:font-mono [&_input]:tracking-widest"
        description="The 6-digit code from your authenticator app, or one of your recovery codes."
        errors={fieldErrorsOf(state, "code")}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="rememberDevice" className="mt-0.5 size-4 accent-primary" />
        <span>
          Remember this device for 30 days
          <span className="block text-xs text-muted-foreground">Only on a device that is yours alone.</span>
        </span>
      </label>
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Checking…">
        Verify and sign in
      </SubmitButton>
    </form>
  );
}
