import { z } from "zod";
import { defineTemplate } from "./define";
import { linkUrl, shortText } from "./fields";
import { EmailAction, EmailHeading, EmailLayout, EmailNote, EmailText, PRODUCT_NAME } from "./layout";

/** Props of the invitation to join an organization. */
export const invitationEmailSchema = z.object({
  inviterName: shortText,
  orgName: shortText,
  role: z.enum(["owner", "admin", "member"]),
  acceptUrl: linkUrl,
  // An ISO timestamp, not a Date: props travel as JSON in the job's event.
  expiresAt: z.iso.datetime({ offset: true }),
});

/** Props of the invitation email. */
export type InvitationEmailProps = z.infer<typeof invitationEmailSchema>;

const roleLabel = { owner: "an owner", admin: "an admin", member: "a member" } as const;

/** The expiry as a date a reader anywhere understands; UTC, because the server doesn't know the reader's zone. */
function formatExpiry(iso: string): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC";
}

/** Invites someone to an organization with a given role. */
export function InvitationEmail({ inviterName, orgName, role, acceptUrl, expiresAt }: InvitationEmailProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to ${orgName} on ${PRODUCT_NAME}.`}
      reason={`${inviterName} invited this address to ${orgName} on ${PRODUCT_NAME}`}
    >
      <EmailHeading>Join {orgName} on {PRODUCT_NAME}</EmailHeading>
      <EmailText>
        <strong>{inviterName}</strong> invited you to join <strong>{orgName}</strong> as {roleLabel[role]}.
      </EmailText>
      <EmailAction href={acceptUrl}>Accept invitation</EmailAction>
      <EmailNote>
        This invitation expires on {formatExpiry(expiresAt)}. If you weren&apos;t expecting it, ignore this email.
      </EmailNote>
    </EmailLayout>
  );
}

/** An invitation to join an organization. */
export const invitationEmail = defineTemplate({
  schema: invitationEmailSchema,
  subject: (p) => `${p.inviterName} invited you to join ${p.orgName} on ${PRODUCT_NAME}`,
  component: InvitationEmail,
  preview: {
    inviterName: "Ada Lovelace",
    orgName: "Acme",
    role: "admin",
    acceptUrl: "https://app.keel.test/invitations/tok_1",
    expiresAt: "2030-01-02T03:04:05Z",
  },
});
