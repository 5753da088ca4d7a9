import { z } from "zod";
import { defineTemplate } from "./define";
import { personName, linkUrl } from "./fields";
import { EmailAction, EmailHeading, EmailLayout, EmailNote, EmailText, PRODUCT_NAME } from "./layout";

/** Props of the welcome email, sent once an account exists. */
export const welcomeEmailSchema = z.object({
  name: personName,
  dashboardUrl: linkUrl,
});

/** Props of the welcome email. */
export type WelcomeEmailProps = z.infer<typeof welcomeEmailSchema>;

/** Greets a new user and points them at their dashboard. */
export function WelcomeEmail({ name, dashboardUrl }: WelcomeEmailProps) {
  return (
    <EmailLayout
      preview={`Your ${PRODUCT_NAME} account is ready.`}
      reason={`you created a ${PRODUCT_NAME} account with this address`}
    >
      <EmailHeading>{name ? `Welcome to ${PRODUCT_NAME}, ${name}` : `Welcome to ${PRODUCT_NAME}`}</EmailHeading>
      <EmailText>
        Your account is ready. Create an organization, invite your teammates and start your first project: it takes
        about a minute.
      </EmailText>
      <EmailAction href={dashboardUrl}>Open your dashboard</EmailAction>
      <EmailNote>Questions? Reply to this email and a person will read it.</EmailNote>
    </EmailLayout>
  );
}

/** The welcome email, sent once an account exists. */
export const welcomeEmail = defineTemplate({
  schema: welcomeEmailSchema,
  subject: () => `Welcome to ${PRODUCT_NAME}`,
  component: WelcomeEmail,
  preview: { name: "Ada", dashboardUrl: "https://app.keel.test/dashboard" },
});
