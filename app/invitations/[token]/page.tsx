import { CircleAlert, MailOpen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CenteredPage } from "@/components/centered-page";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { withCallbackUrl } from "@/lib/auth/callback-url";
import { getSession } from "@/lib/auth/session";
import { maskEmail } from "@/lib/email/mask-email";
import { findInvitationByToken } from "@/lib/orgs/invitation-by-token";
import { AnswerForm } from "./answer-form";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

const roleLabel = { owner: "an owner", admin: "an admin", member: "a member" } as const;

function Frame({ title, description, children }: { title: string; description?: ReactNode; children?: ReactNode }) {
  return (
    <CenteredPage width="md">
      <Card>
        <CardHeader>
          <MailOpen aria-hidden="true" className="mb-2 size-8 text-primary" />
          <CardTitle className="text-xl">
            <h1>{title}</h1>
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        {children ? <CardContent className="grid gap-4">{children}</CardContent> : null}
      </Card>
    </CenteredPage>
  );
}

function Problem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Alert variant="destructive">
      <CircleAlert aria-hidden="true" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  );
}

/** Where an invitation link lands: explains its state and lets the invited person accept or decline. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, session] = await Promise.all([findInvitationByToken(token), getSession()]);

  if (!invitation) {
    return (
      <Frame title="This invitation link is not valid">
        <p className="text-sm text-muted-foreground">
          Check that you opened the whole link from the email. If it was resent, only the newest link works.
        </p>
        <Button asChild variant="outline">
          <Link href="/">Go to the home page</Link>
        </Button>
      </Frame>
    );
  }

  const about = `${invitation.inviterName ?? "Someone"} invited ${maskEmail(invitation.email)} to join ${invitation.orgName} as ${roleLabel[invitation.role]}.`;

  if (invitation.status !== "pending") {
    const title = { accepted: "This invitation has already been used", revoked: "This invitation was withdrawn", expired: "This invitation has expired" }[invitation.status];
    const member = session ? (
      <Button asChild variant="outline">
        <Link href={invitation.status === "accepted" ? `/${invitation.orgSlug}/projects` : "/"}>
          {invitation.status === "accepted" ? `Open ${invitation.orgName}` : "Go to the home page"}
        </Link>
      </Button>
    ) : null;
    return (
      <Frame title={title} description={about}>
        <p className="text-sm text-muted-foreground">
          {invitation.status === "accepted"
            ? "Each invitation link works once. If you already joined, open the organization; otherwise ask for a new invitation."
            : "Ask someone in the organization to send you a new invitation."}
        </p>
        {member}
      </Frame>
    );
  }

  const callbackUrl = `/invitations/${token}`;
  if (!session) {
    return (
      <Frame title={`Join ${invitation.orgName}`} description={about}>
        <p className="text-sm text-muted-foreground">
          Sign in with the invited address to accept. New to Keel? Create an account with that address (we fill it in), verify it from the
          email we send, and you&apos;ll come back here to join {invitation.orgName}.
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          <Button asChild>
            <Link href={withCallbackUrl("/sign-up", callbackUrl)}>Create account</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={withCallbackUrl("/sign-in", callbackUrl)}>Sign in</Link>
          </Button>
        </div>
      </Frame>
    );
  }

  if (invitation.email.toLowerCase() !== session.user.email.toLowerCase()) {
    return (
      <Frame title={`Join ${invitation.orgName}`} description={about}>
        <Problem title="Signed in with a different address">
          <p>
            This invitation was sent to {maskEmail(invitation.email)}; you&apos;re signed in as {session.user.email}.
          </p>
          <p>Sign out from the account menu, then open this link again and sign in (or create an account) with the invited address.</p>
        </Problem>
      </Frame>
    );
  }

  if (!session.user.emailVerified) {
    return (
      <Frame title={`Join ${invitation.orgName}`} description={about}>
        <Problem title="Verify your email first">
          <p>Open the verification email we sent to {session.user.email}, then come back to this link.</p>
        </Problem>
      </Frame>
    );
  }

  return (
    <Frame title={`Join ${invitation.orgName}`} description={about}>
      <p className="text-sm text-muted-foreground">
        You&apos;re signed in as <span className="font-medium text-foreground">{session.user.email}</span>.
      </p>
      <AnswerForm token={token} orgName={invitation.orgName} />
    </Frame>
  );
}
