import { insertDevEmail } from "@/db/queries/dev-emails";
import { extractLinks } from "../render";
import type { EmailTransport, OutgoingEmail } from "./types";

/** The console block a developer sees for one stored email: recipient, subject, the links to click, and where to read it. */
export function formatDevMailboxBlock(email: Pick<OutgoingEmail, "to" | "subject" | "template">, id: string, links: string[]): string {
  return [
    `┌ dev mailbox: ${email.template}`,
    `│ to:      ${email.to}`,
    `│ subject: ${email.subject}`,
    ...links.map((link) => `│ link:    ${link}`),
    `└ read it: /dev/mailbox/${id}`,
  ].join("\n");
}

/**
 * Development's transport: stores the email in dev_emails (readable at /dev/mailbox) and prints one block to the
 * console. The links are printed because clicking them from the terminal is the point; the bodies never are.
 */
export function createDevMailboxTransport(print: (block: string) => void = (block) => console.log(block)): EmailTransport {
  return {
    name: "dev-mailbox",
    async send(email) {
      const links = [...new Set([...extractLinks(email.html), ...extractLinks(email.text)])];
      const row = await insertDevEmail({
        to: email.to,
        from: email.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        template: email.template,
        links,
        requestId: email.requestId ?? null,
      });
      print(formatDevMailboxBlock(email, row.id, links));
      return { id: row.id };
    },
  };
}
