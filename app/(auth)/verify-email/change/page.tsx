import { MailCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { ConfirmEmailChangeForm } from "@/components/auth/token-forms";

export const metadata: Metadata = { title: "Confirm your new email" };

/** The link sent to a new address: one button makes the change (a GET alone never does). */
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <AuthCard
      icon={<MailCheck />}
      title="Confirm your new email"
      description="From now on you will sign in with this address. Your other sessions will be signed out."
      footer={
        <Link href="/account/security" className={authLinkClass}>
          Back to security settings
        </Link>
      }
    >
      {typeof token === "string" && token ? (
        <ConfirmEmailChangeForm token={token} />
      ) : (
        <p className="text-center text-sm text-muted-foreground">This link is missing its token. Open the link from the email again.</p>
      )}
    </AuthCard>
  );
}
