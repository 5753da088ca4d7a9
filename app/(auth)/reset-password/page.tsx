import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/token-forms";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  return (
    <AuthCard
      icon={<KeyRound />}
      title={token ? "Choose a new password" : "This link is incomplete"}
      description={token ? "You'll be signed out everywhere else, and signed in here." : "The reset link is missing its token. Request a new one."}
      footer={
        <Link href="/sign-in" className={authLinkClass}>
          Back to sign in
        </Link>
      }
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Link href="/forgot-password" className={`${authLinkClass} text-sm`}>
          Request a new reset link
        </Link>
      )}
    </AuthCard>
  );
}
