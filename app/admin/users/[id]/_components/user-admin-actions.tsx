"use client";

import { KeyRound, LogIn, ShieldOff, ShieldCheck } from "lucide-react";
import { ActionForm, FormField, FormMessage, SubmitButton } from "@/components/forms";
import { disableUserAction, enableUserAction, impersonateUserAction, sendPasswordResetAction } from "../actions";

type Target = { id: string; email: string; isPlatformAdmin: boolean; disabled: boolean; isSelf: boolean };

/** Why "Sign in as" is not offered for this person, or null when it is. */
function impersonationRefusal(target: Target): string | null {
  if (target.isSelf) return "This is you.";
  if (target.isPlatformAdmin) return "Platform admins can't be impersonated.";
  if (target.disabled) return "Re-enable the account to impersonate it.";
  return null;
}

/** The admin's actions on one person: sign in as them, send a reset link, disable or re-enable. */
export function UserAdminActions({ target }: { target: Target }) {
  const refusal = impersonationRefusal(target);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="grid content-start gap-3 rounded-xl border bg-card p-4">
        <div>
          <h3 className="font-medium">Sign in as {target.email}</h3>
          <p className="text-sm text-muted-foreground">A 30-minute session as this person, recorded with your reason. Their password, email and two-factor stay out of reach.</p>
        </div>
        {refusal ? (
          <p className="text-sm text-muted-foreground">{refusal}</p>
        ) : (
          <ActionForm action={impersonateUserAction} className="grid gap-3">
            {(state) => (
              <>
                <input type="hidden" name="userId" value={target.id} />
                <FormField name="reason" label="Reason" required minLength={3} maxLength={500} placeholder="Support ticket #1234: projects page is empty" errors={state && !state.ok ? state.error.fields?.reason : undefined} />
                <FormMessage state={state} />
                <SubmitButton className="justify-self-start" pendingLabel="Signing in…">
                  <LogIn aria-hidden /> Sign in as this person
                </SubmitButton>
              </>
            )}
          </ActionForm>
        )}
      </div>

      <div className="grid content-start gap-4 rounded-xl border bg-card p-4">
        <div className="grid gap-3">
          <div>
            <h3 className="font-medium">Password reset</h3>
            <p className="text-sm text-muted-foreground">Emails a link to {target.email}. You never see it.</p>
          </div>
          <ActionForm action={sendPasswordResetAction} className="grid gap-3">
            {(state) => (
              <>
                <input type="hidden" name="userId" value={target.id} />
                <FormMessage state={state} />
                <SubmitButton variant="outline" className="justify-self-start" disabled={target.disabled} pendingLabel="Sending…">
                  <KeyRound aria-hidden /> Send password reset
                </SubmitButton>
              </>
            )}
          </ActionForm>
        </div>

        <div className="grid gap-3 border-t pt-4">
          {target.disabled ? (
            <>
              <div>
                <h3 className="font-medium">Account disabled</h3>
                <p className="text-sm text-muted-foreground">They can&apos;t sign in, reset their password or use a sign-in link.</p>
              </div>
              <ActionForm action={enableUserAction} className="grid gap-3">
                {(state) => (
                  <>
                    <input type="hidden" name="userId" value={target.id} />
                    <FormMessage state={state} />
                    <SubmitButton variant="outline" className="justify-self-start" pendingLabel="Re-enabling…">
                      <ShieldCheck aria-hidden /> Re-enable account
                    </SubmitButton>
                  </>
                )}
              </ActionForm>
            </>
          ) : target.isPlatformAdmin || target.isSelf ? (
            <p className="text-sm text-muted-foreground">Platform admins can&apos;t be disabled from the console.</p>
          ) : (
            <>
              <div>
                <h3 className="font-medium">Disable account</h3>
                <p className="text-sm text-muted-foreground">Signs them out everywhere at once and refuses every sign-in until re-enabled.</p>
              </div>
              <ActionForm action={disableUserAction} className="grid gap-3">
                {(state) => (
                  <>
                    <input type="hidden" name="userId" value={target.id} />
                    <FormField name="reason" label="Reason for disabling" required minLength={3} maxLength={500} errors={state && !state.ok ? state.error.fields?.reason : undefined} />
                    <FormMessage state={state} />
                    <SubmitButton variant="destructive" className="justify-self-start" pendingLabel="Disabling…">
                      <ShieldOff aria-hidden /> Disable account
                    </SubmitButton>
                  </>
                )}
              </ActionForm>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
