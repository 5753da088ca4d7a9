import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, AuthDivider, authLinkClass } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Button } from "@/components/ui/button";
import { afterSignInPath, safeCallbackUrl } from "@/lib/auth/destinations";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl) ?? undefined;
  const session = await getSession();
  if (session) redirect(await afterSignInPath(session.user.id, callbackUrl));
  const signInHref = callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in";
  const linkHref = `${signInHref}${callbackUrl ? "&" : "?"}mode=link`;
  return (
    <AuthCard
      title="Create your account"
      description="Free to start. Your own organization is ready when you are."
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className={authLinkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} />
      <AuthDivider />
      <Button asChild variant="outline" className="w-full">
        <Link href={linkHref}>Sign up with an email link instead</Link>
      </Button>
    </AuthCard>
  );
}
