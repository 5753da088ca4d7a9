import type { Metadata } from "next";
import Link from "next/link";
import { forgotPasswordAction } from "../actions";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { EmailForm } from "@/components/auth/email-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      description="Enter your account's email and we'll send you a link to choose a new password."
      footer={
        <>
          Remembered it?{" "}
          <Link href="/sign-in" className={authLinkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <EmailForm action={forgotPasswordAction} submitLabel="Send reset link" pendingLabel="Sending…" />
    </AuthCard>
  );
}
