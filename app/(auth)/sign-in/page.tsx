import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { oauthProviders } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ACCOUNT_DISABLED } from "@/lib/auth/disabled";
import { afterSignInPath } from "@/lib/auth/destinations";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends its errors here as ?error=<code>; say what happened without internals.
const authErrors: Record<string, string> = {
  Verification: "That sign-in link is invalid, expired or already used. Request a new one.",
  OAuthAccountNotLinked: "That email already has an account. Sign in the way you did before, then connect this provider.",
  AccessDenied: "Sign-in was cancelled or denied.",
  Configuration: "Sign-in is not available right now. Please try again later.",
  AccountDisabled: ACCOUNT_DISABLED,
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl) ?? undefined;
  const session = await getSession();
  if (session) redirect(await afterSignInPath(session.user.id, callbackUrl));
  const error = typeof params.error === "string" ? (authErrors[params.error] ?? "Something went wrong while signing in. Please try again.") : null;
  const signUpHref = callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up";
  return (
    <AuthCard
      title="Sign in to Keel"
      description="Welcome back."
      footer={
        <>
          New to Keel?{" "}
          <Link href={signUpHref} className={authLinkClass}>
            Create an account
          </Link>
        </>
      }
    >
      {error ? (
        <Alert variant="destructive" className="mb-4">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviders()} initialMode={params.mode === "link" ? "link" : "password"} />
    </AuthCard>
  );
}
