import type { Metadata } from "next";
import Link from "next/link";
import { ChangeEmailForm } from "./_components/change-email-form";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SessionsList } from "./_components/sessions-list";
import { TwoFactorSection } from "./_components/two-factor-section";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { hasPassword } from "@/lib/auth/change-password";
import { listDeviceSessions } from "@/lib/auth/sessions-list";
import { requireSession } from "@/lib/auth/session";
import { twoFactorStatus } from "@/lib/auth/two-factor/manage";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const [sessions, passwordSet, twoFactor, params] = await Promise.all([
    listDeviceSessions(session.user.id, session.id),
    hasPassword(session.user.id),
    twoFactorStatus(session.user.id, session.user.email),
    searchParams,
  ]);
  // Set by an organization that requires two-factor, when it sends a member here.
  const requiredBy = typeof params.required === "string" && /^[a-z0-9-]{1,48}$/.test(params.required) ? params.required : null;
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className="text-sm text-muted-foreground">Your password, two-factor authentication and the devices signed in to {session.user.email}.</p>
      </div>
      {session.impersonator ? (
        <Alert>
          <AlertTitle>You are impersonating {session.user.email}</AlertTitle>
          <AlertDescription>Their password, email and two-factor settings can&apos;t be changed from an impersonation session.</AlertDescription>
        </Alert>
      ) : null}
      {params.email === "changed" ? (
        <Alert variant="success">
          <AlertDescription>Your email address is changed to {session.user.email}. Your other sessions were signed out.</AlertDescription>
        </Alert>
      ) : null}
      {requiredBy && twoFactor.state !== "on" ? (
        <Alert>
          <AlertTitle>Two-factor authentication required</AlertTitle>
          <AlertDescription>
            The organization <span className="font-mono">{requiredBy}</span> asks every member to use two-factor authentication. Set it up below to continue.
          </AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs you out everywhere else.</CardDescription>
        </CardHeader>
        <CardContent>
          {passwordSet ? (
            <ChangePasswordForm />
          ) : (
            <p className="text-sm text-muted-foreground">
              You sign in with an email link or a connected account, so there&rsquo;s no password to change. To add one,{" "}
              <Link href="/forgot-password" className="font-medium text-foreground underline-offset-4 hover:underline">
                request a password link
              </Link>
              .
            </p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Email address</CardTitle>
          <CardDescription>
            You sign in with <span className="font-medium text-foreground">{session.user.email}</span>. A new address takes effect once you confirm it from
            its inbox.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangeEmailForm hasPassword={passwordSet} />
        </CardContent>
      </Card>
      <Card id="two-factor">
        <CardHeader>
          <CardTitle>Two-factor authentication</CardTitle>
          <CardDescription>A code from an app on your phone, asked after your password or email link.</CardDescription>
        </CardHeader>
        <CardContent>
          <TwoFactorSection status={twoFactor} hasPassword={passwordSet} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sessions</CardTitle>
          <CardDescription>Sign out of any device you don&rsquo;t recognise, then change your password.</CardDescription>
        </CardHeader>
        <CardContent>
          <SessionsList sessions={sessions} />
        </CardContent>
      </Card>
    </div>
  );
}
