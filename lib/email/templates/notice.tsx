import { z } from "zod";
import { defineTemplate } from "./define";
import { linkUrl, shortText } from "./fields";
import { EmailAction, EmailHeading, EmailLayout, EmailText, PRODUCT_NAME } from "./layout";

/** Props of a generic notice: anything that needs a heading, a few paragraphs and maybe one action. */
export const noticeEmailSchema = z.object({
  heading: shortText,
  paragraphs: z.array(z.string().trim().min(1).max(2000)).min(1).max(10),
  action: z.object({ label: shortText, url: linkUrl }).optional(),
  /** Defaults to the heading. */
  subject: shortText.optional(),
  /** Completes "You received this email because …". */
  reason: shortText.optional(),
});

/** Props of a generic notice. */
export type NoticeEmailProps = z.infer<typeof noticeEmailSchema>;

/** A generic notice (billing reminders, security alerts, announcements) in the common layout. */
export function NoticeEmail({ heading, paragraphs, action, reason }: NoticeEmailProps) {
  return (
    <EmailLayout
      preview={paragraphs[0] ?? heading}
      // The layout ends the sentence itself: "…because X.." would read as a typo.
      reason={reason?.replace(/\.+$/, "") ?? `you have a ${PRODUCT_NAME} account with this address`}
    >
      <EmailHeading>{heading}</EmailHeading>
      {paragraphs.map((paragraph, i) => (
        <EmailText key={i}>{paragraph}</EmailText>
      ))}
      {action ? <EmailAction href={action.url}>{action.label}</EmailAction> : null}
    </EmailLayout>
  );
}

/** A plain notice with an optional action (security notices, trial reminders). */
export const noticeEmail = defineTemplate({
  schema: noticeEmailSchema,
  subject: (p) => p.subject ?? p.heading,
  component: NoticeEmail,
  preview: {
    heading: "Your trial ends soon",
    paragraphs: ["Your trial of Keel Pro ends in 3 days.", "Add a card to keep your projects."],
    action: { label: "Add a card", url: "https://app.keel.test/acme/billing" },
  },
});
