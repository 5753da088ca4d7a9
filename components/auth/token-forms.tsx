"use client";

import Link from "next/link";
import { confirmEmailChangeAction, resetPasswordAction, undoEmailChangeAction, verifyEmailAction } from "@/app/(auth)/actions";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { authLinkClass } from "./auth-card";

/** Confirms an email address: a button (not an automatic GET), so link scanners in mailboxes can't spend the token. */
export function VerifyEmailForm({ token, callbackUrl }: { token: string; callbackUrl?: string }) {
  return (
    <ActionForm action={verifyEmailAction} className="grid gap-4">
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <FormMessage state={state} />
          {state && !state.ok ? (
            <p className="text-center text-sm text-muted-foreground">
              <Link href="/check-email?kind=verify" className={authLinkClass}>
                Send a new link
              </Link>
            </p>
          ) : (
            <SubmitButton className="w-full" pendingLabel="Verifying…">
              Verify and continue
            </SubmitButton>
          )}
        </>
      )}
    </ActionForm>
  );
}

/** Sets a new password from a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={resetPasswordAction} className="grid gap-4" noValidate>
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <FormField name="password" label="New password" type="password" autoComplete="new-password" required minLength={10} autoFocus description="At least 10 characters." errors={fieldErrorsOf(state, "password")} />
          <FormField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required errors={fieldErrorsOf(state, "confirmPassword")} />
          <FormMessage state={state} />
          {state && !state.ok && state.error.code === "not_found" ? (
            <p className="text-center text-sm">
              <Link href="/forgot-password" className={authLinkClass}>
                Request a new reset link
              </Link>
            </p>
          ) : (
            <SubmitButton className="w-full" pendingLabel="Saving…">
              Set new password and sign in
            </SubmitButton>
          )}
        </>
      )}
    </ActionForm>
  );
}

/** Confirms a change of email from the link sent to the new address (a button, so mail scanners can't spend it). */
export function ConfirmEmailChangeForm({ token }: { token: string }) {
  return (
    <ActionForm action={confirmEmailChangeAction} className="grid gap-4">
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <FormMessage state={state} />
          <SubmitButton className="w-full" pendingLabel="Confirming…">
            Confirm new address
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Undoes a change of email from the link sent to the old address. */
export function UndoEmailChangeForm({ token }: { token: string }) {
  return (
    <ActionForm action={undoEmailChangeAction} className="grid gap-4">
      {(state) =>
        state?.ok ? (
          <div className="grid gap-4 text-sm">
            <p className="text-muted-foreground">
              Your account signs in with <span className="font-medium text-foreground">{state.data.email}</span> again. If someone else changed it, they may know
              your password: reset it now.
            </p>
            <Link href="/forgot-password" className={`${authLinkClass} justify-self-center`}>
              Reset my password
            </Link>
          </div>
        ) : (
          <>
            <input type="hidden" name="token" value={token} />
            <FormMessage state={state} />
            <SubmitButton variant="destructive" className="w-full" pendingLabel="Undoing…">
              Undo the change and sign out everywhere
            </SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
