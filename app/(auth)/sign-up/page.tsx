import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, AuthDivider, authLinkClass } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Button } from "@/components/ui/button";
import { safeCallbackUrl, withCallbackUrl } from "@/lib/auth/callback-url";
import { afterSignInPath } from "@/lib/auth/destinations";
import { getSession } from "@/lib/auth/session";
import { pendingInvitationFor } from "@/lib/orgs/invitation-by-token";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl) ?? undefined;
  const session = await getSession();
  if (session) redirect(await afterSignInPath(session.user.id, callbackUrl));
  const invitation = callbackUrl ? await pendingInvitationFor(callbackUrl) : null;
  const signInHref = withCallbackUrl("/sign-in", callbackUrl);
  const linkHref = withCallbackUrl("/sign-in?mode=link", callbackUrl);
  return (
    <AuthCard
      title={invitation ? `Join ${invitation.orgName}` : "Create your account"}
      description={
        invitation
          ? `Create your account with the invited address. After you verify it from the email we send, you'll come back to accept the invitation and join ${invitation.orgName}. No organization of your own is created; you can start one later.`
          : "Free to start. Your own organization is ready when you are."
      }
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className={authLinkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} invitedEmail={invitation?.email} />
      <AuthDivider />
      <Button asChild variant="outline" className="w-full">
        <Link href={linkHref}>Sign up with an email link instead</Link>
      </Button>
    </AuthCard>
  );
}
