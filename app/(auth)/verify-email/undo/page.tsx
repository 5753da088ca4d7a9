import { ShieldAlert } from "lucide-react";
import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { UndoEmailChangeForm } from "@/components/auth/token-forms";

export const metadata: Metadata = { title: "Undo the change of email" };

/** The link sent to the old address after a change: puts it back and signs out every session. */
export default async function UndoEmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <AuthCard icon={<ShieldAlert />} title="Undo the change of email" description="Didn't change your sign-in email? Put your address back and sign out every session.">
      {typeof token === "string" && token ? (
        <UndoEmailChangeForm token={token} />
      ) : (
        <p className="text-center text-sm text-muted-foreground">This link is missing its token. Open the link from the email again.</p>
      )}
    </AuthCard>
  );
}
