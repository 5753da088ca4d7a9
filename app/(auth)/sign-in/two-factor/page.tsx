import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { currentChallenge } from "@/lib/auth/two-factor/challenge";

export const metadata: Metadata = { title: "Two-factor authentication" };

/** The second step of signing in; only reachable with a pending challenge from the first. */
export default async function TwoFactorPage() {
  if (!(await currentChallenge())) redirect("/sign-in");
  return (
    <AuthCard
      icon={<ShieldCheck aria-hidden />}
      title="Two-factor authentication"
      description="Open your authenticator app and enter the code it shows for Keel."
      footer={
        <>
          Lost your device and your recovery codes?{" "}
          <Link href="/sign-in" className={authLinkClass}>
            Start over
          </Link>{" "}
          or contact your administrator.
        </>
      }
    >
      <TwoFactorForm />
    </AuthCard>
  );
}
