"use client";

import { verifyTwoFactorAction } from "@/app/(auth)/actions";
import { ActionForm, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { CodeField } from "./code-field";

/** The second step of signing in: a code from the authenticator app or a recovery code, and "remember this device". */
export function TwoFactorForm() {
  return (
    <ActionForm action={verifyTwoFactorAction} className="grid gap-4" noValidate>
      {(state) => (
        <>
          <CodeField
            label="Authentication code"
            autoFocus
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
        </>
      )}
    </ActionForm>
  );
}
