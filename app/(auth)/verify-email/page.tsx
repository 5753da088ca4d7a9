import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { VerifyEmailForm } from "@/components/auth/token-forms";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { tokenIsLive } from "@/lib/auth/tokens";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  // A used, expired or unknown link says so at once: a button that can only fail is worse than no button.
  if (!token || !(await tokenIsLive("verify-email", token))) {
    return (
      <AuthCard
        title={token ? "This link has expired or was already used" : "This link is incomplete"}
        description={
          token
            ? "Verification links work once, for 24 hours. If you already verified, sign in; otherwise send yourself a new link."
            : "The verification link is missing its token. Open the link from the email again, or send a new one."
        }
        footer={
          <Link href="/sign-in" className={authLinkClass}>
            Back to sign in
          </Link>
        }
      >
        <Link href="/check-email?kind=verify" className={`${authLinkClass} text-sm`}>
          Send a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard icon={<ShieldCheck />} title="Verify your email" description="Confirm that this address is yours and we'll sign you in.">
      <VerifyEmailForm token={token} callbackUrl={safeCallbackUrl(params.callbackUrl) ?? undefined} />
    </AuthCard>
  );
}
