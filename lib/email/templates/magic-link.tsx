import { z } from "zod";
import { defineTemplate } from "./define";
import { linkUrl } from "./fields";
import { EmailAction, EmailHeading, EmailLayout, EmailNote, EmailText, PRODUCT_NAME } from "./layout";

/** Props of the passwordless sign-in email. */
export const magicLinkEmailSchema = z.object({
  url: linkUrl,
  // Required, not defaulted: the email must state the lifetime of the token actually issued.
  expiresInMinutes: z.number().int().positive().max(1440),
});

/** Props of the passwordless sign-in email. */
export type MagicLinkEmailProps = z.infer<typeof magicLinkEmailSchema>;

/** A one-time sign-in link. */
export function MagicLinkEmail({ url, expiresInMinutes }: MagicLinkEmailProps) {
  return (
    <EmailLayout
      preview={`Sign in to ${PRODUCT_NAME} with one click. The link works once.`}
      reason={`someone asked to sign in to ${PRODUCT_NAME} with this address`}
    >
      <EmailHeading>Sign in to {PRODUCT_NAME}</EmailHeading>
      <EmailText>Use the button below to sign in. The link works once.</EmailText>
      <EmailAction href={url}>Sign in</EmailAction>
      <EmailNote>
        This link expires in {expiresInMinutes} minutes. If you didn&apos;t ask to sign in, ignore this email: nobody
        can sign in without it.
      </EmailNote>
    </EmailLayout>
  );
}

/** The sign-in link of a magic-link sign-in. */
export const magicLinkEmail = defineTemplate({
  schema: magicLinkEmailSchema,
  subject: () => `Your ${PRODUCT_NAME} sign-in link`,
  component: MagicLinkEmail,
  preview: { url: "https://app.keel.test/api/auth/callback/email?token=abc&email=a%40b.test", expiresInMinutes: 15 },
});
