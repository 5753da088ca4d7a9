"use client";

import { Mail } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { magicLinkAction, oauthSignInAction, signInAction } from "@/app/(auth)/actions";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { Button } from "@/components/ui/button";
import { AuthDivider, authLinkClass } from "./auth-card";

type Props = { callbackUrl?: string; providers: { id: "github" | "google"; name: string }[]; initialMode?: "password" | "link" };

/** Sign in with a password or a magic link, and OAuth buttons for the providers that are configured. */
export function SignInForm({ callbackUrl, providers, initialMode = "password" }: Props) {
  const [mode, setMode] = useState<"password" | "link">(initialMode);
  const [email, setEmail] = useState("");

  return (
    <div className="grid gap-4">
      {providers.length ? (
        <>
          <div className="grid gap-2">
            {providers.map((p) => (
              <ActionForm key={p.id} action={oauthSignInAction} className="grid gap-2">
                {(state) => (
                  <>
                    <input type="hidden" name="provider" value={p.id} />
                    <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
                    <SubmitButton variant="outline" className="w-full">
                      Continue with {p.name}
                    </SubmitButton>
                    <FormMessage state={state} className="empty:hidden" />
                  </>
                )}
              </ActionForm>
            ))}
          </div>
          <AuthDivider />
        </>
      ) : null}

      {mode === "password" ? (
        <ActionForm action={signInAction} className="grid gap-4" noValidate>
          {(state) => (
            <>
              <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
              <FormField name="email" label="Email" type="email" autoComplete="email" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrorsOf(state, "email")} />
              <div className="grid gap-2">
                <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={fieldErrorsOf(state, "password")} />
                {/* After the field in tab order: Email, Password, then the way out for who forgot it. */}
                <Link href="/forgot-password" className={`${authLinkClass} justify-self-end text-xs font-normal text-muted-foreground`}>
                  Forgot password?
                </Link>
              </div>
              <FormMessage state={state} />
              <SubmitButton className="w-full" pendingLabel="Signing in…">
                Sign in
              </SubmitButton>
            </>
          )}
        </ActionForm>
      ) : (
        <ActionForm action={magicLinkAction} className="grid gap-4" noValidate>
          {(state) => (
            <>
              <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
              <FormField name="email" label="Email" type="email" autoComplete="email" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrorsOf(state, "email")} description="We'll email you a link that signs you in. No password needed." />
              <FormMessage state={state} />
              <SubmitButton className="w-full" pendingLabel="Sending link…">
                <Mail aria-hidden />
                Email me a sign-in link
              </SubmitButton>
            </>
          )}
        </ActionForm>
      )}

      <Button type="button" variant="ghost" size="sm" className="justify-self-center text-muted-foreground" onClick={() => setMode(mode === "password" ? "link" : "password")}>
        {mode === "password" ? "Sign in with an email link instead" : "Sign in with a password instead"}
      </Button>
    </div>
  );
}
