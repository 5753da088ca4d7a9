"use client";

import { Mail } from "lucide-react";
import Link from "next/link";
import { useActionState, useState } from "react";
import { magicLinkAction, oauthSignInAction, signInAction } from "@/app/(auth)/actions";
import { FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { Button } from "@/components/ui/button";
import { AuthDivider, authLinkClass } from "./auth-card";

type Props = { callbackUrl?: string; providers: { id: "github" | "google"; name: string }[]; initialMode?: "password" | "link" };

/** Sign in with a password or a magic link, and OAuth buttons for the providers that are configured. */
export function SignInForm({ callbackUrl, providers, initialMode = "password" }: Props) {
  const [mode, setMode] = useState<"password" | "link">(initialMode);
  const [passwordState, passwordAction] = useActionState(signInAction, null);
  const [linkState, linkAction] = useActionState(magicLinkAction, null);
  const [oauthState, oauthAction] = useActionState(oauthSignInAction, null);
  const [email, setEmail] = useState("");

  return (
    <div className="grid gap-4">
      {providers.length ? (
        <>
          <div className="grid gap-2">
            {providers.map((p) => (
              <form key={p.id} action={oauthAction}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
                <SubmitButton variant="outline" className="w-full">
                  Continue with {p.name}
                </SubmitButton>
              </form>
            ))}
            <FormMessage state={oauthState} />
          </div>
          <AuthDivider />
        </>
      ) : null}

      {mode === "password" ? (
        <form action={passwordAction} className="grid gap-4" noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <FormField name="email" label="Email" type="email" autoComplete="email" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrorsOf(passwordState, "email")} />
          <FormField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            errors={fieldErrorsOf(passwordState, "password")}
            labelAside={
              <Link href="/forgot-password" className={`${authLinkClass} text-xs font-normal text-muted-foreground`}>
                Forgot password?
              </Link>
            }
          />
          <FormMessage state={passwordState} />
          <SubmitButton className="w-full" pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </form>
      ) : (
        <form action={linkAction} className="grid gap-4" noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <FormField name="email" label="Email" type="email" autoComplete="email" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrorsOf(linkState, "email")} description="We'll email you a link that signs you in. No password needed." />
          <FormMessage state={linkState} />
          <SubmitButton className="w-full" pendingLabel="Sending link…">
            <Mail aria-hidden />
            Email me a sign-in link
          </SubmitButton>
        </form>
      )}

      <Button type="button" variant="ghost" size="sm" className="justify-self-center text-muted-foreground" onClick={() => setMode(mode === "password" ? "link" : "password")}>
        {mode === "password" ? "Sign in with an email link instead" : "Sign in with a password instead"}
      </Button>
    </div>
  );
}
