import { z } from "zod";
import { defineTemplate } from "./define";
import { linkUrl, personName } from "./fields";
import { EmailAction, EmailHeading, EmailLayout, EmailNote, EmailText, PRODUCT_NAME } from "./layout";

/** Props of the email that confirms a new address. */
export const confirmEmailChangeSchema = z.object({
  name: personName,
  url: linkUrl,
  expiresInHours: z.number().int().positive().max(168),
});

/** Props of the email that confirms a new address. */
export type ConfirmEmailChangeProps = z.infer<typeof confirmEmailChangeSchema>;

/** Sent to the new address: the change takes effect only once its link is used. */
export function ConfirmEmailChange({ name, url, expiresInHours }: ConfirmEmailChangeProps) {
  return (
    <EmailLayout preview={`Confirm your new email address for ${PRODUCT_NAME}.`} reason={`someone asked to move a ${PRODUCT_NAME} account to this address`}>
      <EmailHeading>Confirm your new email address</EmailHeading>
      <EmailText>
        {name ? `Hi ${name}, you` : "You"} asked to sign in to {PRODUCT_NAME} with this address from now on. Confirm it to make the change.
      </EmailText>
      <EmailAction href={url}>Confirm new address</EmailAction>
      <EmailNote>
        This link expires in {expiresInHours} {expiresInHours === 1 ? "hour" : "hours"}. Until then nothing changes. If you didn&apos;t ask for this,
        ignore this email.
      </EmailNote>
    </EmailLayout>
  );
}

/** The link that moves an account to a new address. */
export const confirmEmailChangeEmail = defineTemplate({
  schema: confirmEmailChangeSchema,
  subject: () => `Confirm your new email address for ${PRODUCT_NAME}`,
  component: ConfirmEmailChange,
  preview: { url: "https://app.keel.test/verify-email/change?token=c1", expiresInHours: 24 },
});
