import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/token-forms";
import { tokenIsLive } from "@/lib/auth/tokens";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  // A used, expired or unknown link says so before anyone types a new password into a form that can only fail.
  const live = token ? await tokenIsLive("reset-password", token) : false;
  return (
    <AuthCard
      icon={<KeyRound />}
      title={live ? "Choose a new password" : token ? "This reset link has expired or was already used" : "This link is incomplete"}
      description={
        live
          ? "You'll be signed out everywhere else, and signed in here."
          : token
            ? "Reset links work once, for one hour. Request a new one."
            : "The reset link is missing its token. Request a new one."
      }
      footer={
        <Link href="/sign-in" className={authLinkClass}>
          Back to sign in
        </Link>
      }
    >
      {live ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Link href="/forgot-password" className={`${authLinkClass} text-sm`}>
          Request a new reset link
        </Link>
      )}
    </AuthCard>
  );
}
