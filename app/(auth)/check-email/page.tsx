import { MailCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { resendVerificationAction } from "../actions";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { EmailForm } from "@/components/auth/email-form";

export const metadata: Metadata = { title: "Check your email" };

const copy: Record<string, { title: string; body: (email: string) => string }> = {
  verify: { title: "Verify your email", body: (email) => `We sent a verification link to ${email}. Open it to finish creating your account. It works for 24 hours.` },
  "magic-link": { title: "Check your email", body: (email) => `We sent a sign-in link to ${email}. It works for 15 minutes and only once.` },
  reset: { title: "Check your email", body: (email) => `If an account exists for ${email}, we sent a link to reset its password. It works for 1 hour.` },
};

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const kind = typeof params.kind === "string" && params.kind in copy ? params.kind : "magic-link";
  const email = typeof params.email === "string" && params.email.length < 255 ? params.email : "";
  const { title, body } = copy[kind]!;
  return (
    <AuthCard
      icon={<MailCheck />}
      title={title}
      description={body(email || "your email address")}
      footer={
        <Link href="/sign-in" className={authLinkClass}>
          Back to sign in
        </Link>
      }
    >
      <p className="mb-4 text-sm text-muted-foreground">Nothing arrived? Check your spam folder{kind === "verify" ? ", or send a new link:" : "."}</p>
      {kind === "verify" ? <EmailForm action={resendVerificationAction} submitLabel="Send a new link" pendingLabel="Sending…" defaultEmail={email} /> : null}
      {kind === "reset" ? (
        <Link href="/forgot-password" className={`${authLinkClass} text-sm`}>
          Try another email address
        </Link>
      ) : null}
      {kind === "magic-link" ? (
        <Link href="/sign-in" className={`${authLinkClass} text-sm`}>
          Send another link
        </Link>
      ) : null}
    </AuthCard>
  );
}
