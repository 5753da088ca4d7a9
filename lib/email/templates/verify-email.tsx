import { z } from "zod";
import { defineTemplate } from "./define";
import { linkUrl, personName } from "./fields";
import { EmailAction, EmailHeading, EmailLayout, EmailNote, EmailText, PRODUCT_NAME } from "./layout";

/** Props of the address-verification email. */
export const verifyEmailSchema = z.object({
  name: personName,
  url: linkUrl,
  // Required, not defaulted: the email must state the lifetime of the token actually issued.
  expiresInHours: z.number().int().positive().max(168),
});

/** Props of the address-verification email. */
export type VerifyEmailProps = z.infer<typeof verifyEmailSchema>;

/** Asks a new user to confirm they own their address. */
export function VerifyEmail({ name, url, expiresInHours }: VerifyEmailProps) {
  return (
    <EmailLayout
      preview={`Confirm your email address to finish setting up ${PRODUCT_NAME}.`}
      reason={`this address was used to create a ${PRODUCT_NAME} account`}
    >
      <EmailHeading>Verify your email</EmailHeading>
      <EmailText>
        {name ? `Hi ${name}, please` : "Please"} confirm that this is your email address to finish setting up your
        account.
      </EmailText>
      <EmailAction href={url}>Verify email address</EmailAction>
      <EmailNote>
        This link expires in {expiresInHours} {expiresInHours === 1 ? "hour" : "hours"}. If you didn&apos;t create an
        account, ignore this email.
      </EmailNote>
    </EmailLayout>
  );
}

/** The link that proves a new account owns its address. */
export const verifyEmail = defineTemplate({
  schema: verifyEmailSchema,
  subject: () => `Verify your email for ${PRODUCT_NAME}`,
  component: VerifyEmail,
  preview: { url: "https://app.keel.test/verify?token=v1", expiresInHours: 24 },
});
