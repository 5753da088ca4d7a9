"use client";

import { Check, Copy, Download, ShieldCheck, ShieldOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CodeField } from "@/components/auth/code-field";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TwoFactorStatus } from "@/lib/auth/two-factor/manage";
import { cancelTwoFactorAction, confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "../actions";

/** The two-factor part of the security page, for each state: off, being set up, on. */
export function TwoFactorSection({ status, hasPassword }: { status: TwoFactorStatus; hasPassword: boolean }) {
  if (status.state === "pending") return <Enrolment qrSvg={status.qrSvg} manualKey={status.manualKey} />;
  if (status.state === "on") return <Enabled since={status.since} recoveryCodesLeft={status.recoveryCodesLeft} hasPassword={hasPassword} />;
  return <StartEnrolment />;
}

function StartEnrolment() {
  return (
    <ActionForm action={startTwoFactorAction} className="grid gap-3">
      {(state) => (
        <>
          <p className="text-sm text-muted-foreground">
            Besides your password or email link, ask for a code from an authenticator app (1Password, Google Authenticator, Authy…) when you sign in.
          </p>
          <FormMessage state={state} />
          <SubmitButton className="justify-self-start" pendingLabel="Preparing…">
            <ShieldCheck aria-hidden />
            Set up two-factor authentication
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

function Enrolment({ qrSvg, manualKey }: { qrSvg: string; manualKey: string }) {
  const [done, setDone] = useState<{ codes: string[]; message?: string }>();
  if (done) return <RecoveryCodes codes={done.codes} message={done.message} />;
  return (
    <div className="grid gap-6">
      <ol className="grid gap-6 sm:grid-cols-[auto_1fr] sm:gap-8">
        <li className="grid justify-items-center gap-2 sm:justify-items-start">
          <span className="text-sm font-medium">1. Scan this QR code with your app</span>
          {/* Dark modules on white in both themes: scanners need the contrast. The SVG is rendered on the server. */}
          <div
            role="img"
            aria-label="QR code for your authenticator app; the same key is shown as text"
            className="size-44 rounded-lg border bg-white p-1 [&_svg]:size-full"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
        </li>
        <li className="grid content-start gap-2">
          <span className="text-sm font-medium">Or enter this key by hand</span>
          <code data-testid="manual-key" className="rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all select-all">
            {manualKey}
          </code>
          <p className="text-xs text-muted-foreground">Time-based, 6 digits, every 30 seconds (the defaults of every app).</p>
        </li>
      </ol>
      {/* The codes are shown once, here, rather than as a toast: the success message goes with them. */}
      <ActionForm
        action={confirmTwoFactorAction}
        toastSuccess={false}
        onSuccess={(state) => setDone({ codes: state.data.recoveryCodes, message: state.message })}
        className="grid max-w-xs gap-4"
        noValidate
      >
        {(state, pending) => (
          <>
            <CodeField label="2. Enter the 6-digit code it shows" digitsOnly errors={fieldErrorsOf(state, "code")} />
            <FormMessage state={state} />
            <div className="flex flex-wrap gap-2">
              <SubmitButton pendingLabel="Checking…">Turn on two-factor</SubmitButton>
              {/* Submits the form below: one action a form. */}
              <Button type="submit" variant="ghost" form="cancel-two-factor" formNoValidate disabled={pending}>
                Cancel
              </Button>
            </div>
          </>
        )}
      </ActionForm>
      <ActionForm id="cancel-two-factor" action={cancelTwoFactorAction}>
        {(state) => <FormMessage state={state} />}
      </ActionForm>
    </div>
  );
}

function RecoveryCodes({ codes, message }: { codes: string[]; message?: string }) {
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  const text = `Keel recovery codes\nEach code signs you in once if you lose your authenticator.\n\n${codes.join("\n")}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: "keel-recovery-codes.txt" });
    a.click();
    URL.revokeObjectURL(url);
  };
  const copy = async () => {
    await navigator.clipboard.writeText(codes.join("\n"));
    setCopied(true);
  };
  return (
    <div className="grid gap-4">
      {message ? (
        <p role="status" className="text-sm font-medium text-success">
          {message}
        </p>
      ) : null}
      <div className="grid gap-1">
        <h3 className="text-sm font-semibold">Save your recovery codes</h3>
        <p className="text-sm text-muted-foreground">
          If you lose your phone, each of these codes signs you in once. This is the only time they are shown: download them or copy them somewhere safe.
        </p>
      </div>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg border bg-muted p-4 font-mono text-sm sm:max-w-sm">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" onClick={download}>
          <Download aria-hidden />
          Download codes
        </Button>
        <Button type="button" variant="outline" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button type="button" onClick={() => router.refresh()}>
          I&rsquo;ve saved my codes
        </Button>
      </div>
    </div>
  );
}

function Enabled({ since, recoveryCodesLeft, hasPassword }: { since: Date; recoveryCodesLeft: number; hasPassword: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant="secondary" className="gap-1">
          <ShieldCheck aria-hidden />
          On
        </Badge>
        <span className="text-muted-foreground">
          since {since.toLocaleDateString("en", { dateStyle: "medium" })} · {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left
        </span>
      </div>
      {recoveryCodesLeft <= 3 ? (
        <p className="text-sm text-destructive">Few recovery codes are left. Turn two-factor off and on again to get ten new ones.</p>
      ) : null}
      {open ? (
        <ActionForm action={disableTwoFactorAction} className="grid max-w-md gap-4 rounded-lg border p-4" noValidate>
          {(state) => (
            <>
              <p className="text-sm text-muted-foreground">Confirm it&rsquo;s you. Your other sessions will be signed out.</p>
              {hasPassword ? <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={fieldErrorsOf(state, "password")} /> : null}
              <CodeField label="Authentication or recovery code" errors={fieldErrorsOf(state, "code")} />
              <FormMessage state={state} />
              <div className="flex flex-wrap gap-2">
                <SubmitButton variant="destructive" pendingLabel="Turning off…">
                  <ShieldOff aria-hidden />
                  Turn off two-factor
                </SubmitButton>
                <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                  Keep it on
                </Button>
              </div>
            </>
          )}
        </ActionForm>
      ) : (
        <Button type="button" variant="outline" className="justify-self-start" onClick={() => setOpen(true)}>
          Turn off…
        </Button>
      )}
    </div>
  );
}
