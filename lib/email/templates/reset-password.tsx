import { z } from "zod";
import { defineTemplate } from "./define";
import { linkUrl, personName } from "./fields";
import { EmailAction, EmailHeading, EmailLayout, EmailNote, EmailText, PRODUCT_NAME } from "./layout";

/** Props of the password-reset email. */
export const resetPasswordEmailSchema = z.object({
  name: personName,
  url: linkUrl,
  // Required, not defaulted: the email must state the lifetime of the token actually issued.
  expiresInMinutes: z.number().int().positive().max(1440),
});

/** Props of the password-reset email. */
export type ResetPasswordEmailProps = z.infer<typeof resetPasswordEmailSchema>;

/** A link to choose a new password. */
export function ResetPasswordEmail({ name, url, expiresInMinutes }: ResetPasswordEmailProps) {
  return (
    <EmailLayout
      preview={`Choose a new password for your ${PRODUCT_NAME} account.`}
      reason={`someone asked to reset the password of the ${PRODUCT_NAME} account for this address`}
    >
      <EmailHeading>Reset your password</EmailHeading>
      <EmailText>
        {name ? `Hi ${name}, we` : "We"} received a request to reset your password. Choose a new one with the button
        below.
      </EmailText>
      <EmailAction href={url}>Choose a new password</EmailAction>
      <EmailNote>
        This link expires in {expiresInMinutes} minutes and works once. If you didn&apos;t ask for it, ignore this
        email: your password stays the same.
      </EmailNote>
    </EmailLayout>
  );
}

/** The link to choose a new password. */
export const resetPasswordEmail = defineTemplate({
  schema: resetPasswordEmailSchema,
  subject: () => `Reset your ${PRODUCT_NAME} password`,
  component: ResetPasswordEmail,
  preview: { name: "Grace", url: "https://app.keel.test/reset?token=r1", expiresInMinutes: 60 },
});
