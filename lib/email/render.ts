import { render, toPlainText } from "@react-email/render";
import { z } from "zod";
import type { TemplateDefinition } from "./templates/define";
import { invitationEmail } from "./templates/invitation";
import { magicLinkEmail } from "./templates/magic-link";
import { noticeEmail } from "./templates/notice";
import { confirmEmailChangeEmail } from "./templates/confirm-email-change";
import { resetPasswordEmail } from "./templates/reset-password";
import { verifyEmail } from "./templates/verify-email";
import { welcomeEmail } from "./templates/welcome";

/**
 * Every email the app can send, by name: the one place a template is registered. Its file defines it whole
 * (`defineTemplate`: schema, subject, component, preview props); the send schema, the types and the render test
 * all follow from this list.
 */
export const emailTemplates = {
  welcome: welcomeEmail,
  "magic-link": magicLinkEmail,
  "verify-email": verifyEmail,
  "reset-password": resetPasswordEmail,
  invitation: invitationEmail,
  notice: noticeEmail,
  "confirm-email-change": confirmEmailChangeEmail,
};

/** The name of a template: `"welcome" | "magic-link" | "verify-email" | "reset-password" | "invitation" | "notice" | "confirm-email-change"`. */
export type EmailTemplate = keyof typeof emailTemplates;

/** The props a caller passes for a template. */
export type EmailProps<T extends EmailTemplate> = z.input<(typeof emailTemplates)[T]["schema"]>;

/** The template names, for a zod enum or a select box. */
export const emailTemplateNames = Object.keys(emailTemplates) as [EmailTemplate, ...EmailTemplate[]];

const recipient = z.email().max(254);

type SendEmailOption = {
  [T in EmailTemplate]: z.ZodObject<{ to: typeof recipient; template: z.ZodLiteral<T>; props: (typeof emailTemplates)[T]["schema"] }>;
}[EmailTemplate];

/**
 * One email to send: `{ to, template, props }`, with props checked against the template's schema. Plain JSON
 * with no transforms or defaults (input and output types are equal, as Inngest's event schemas require).
 */
export const sendEmailSchema = z.discriminatedUnion(
  "template",
  // One option a template; the cast restores the name-to-schema pairing that Object.entries loses.
  Object.entries(emailTemplates).map(([template, { schema }]) => z.object({ to: recipient, template: z.literal(template), props: schema })) as [
    SendEmailOption,
    ...SendEmailOption[],
  ],
);

/** What a caller passes to send an email. */
export type SendEmailInput = z.input<typeof sendEmailSchema>;

/** A rendered email, ready for any transport. */
export type RenderedEmail = { subject: string; html: string; text: string };

// html-to-text shouts headings by default ("WELCOME TO KEEL"); a plain-text reader deserves normal case.
const plainTextOptions = {
  selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
};

/** Validates a template's props (throws a ZodError) and renders subject, HTML and plain text. */
export async function renderEmail<T extends EmailTemplate>(template: T, props: EmailProps<T>): Promise<RenderedEmail> {
  // Indexing the registry with a generic key loses the schema-to-component link; the parse restores it.
  const definition = emailTemplates[template] as unknown as TemplateDefinition<z.ZodType<Record<string, unknown>>>;
  const parsed = definition.schema.parse(props);
  const html = await render(definition.component(parsed));
  // Table-based layouts leave runs of blank lines behind; one blank line between blocks reads better.
  const text = toPlainText(html, plainTextOptions).replace(/\n{3,}/g, "\n\n").trim();
  return { subject: definition.subject(parsed), html, text };
}

const namedEntities: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " " };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return namedEntities[entity.toLowerCase()] ?? match;
  });
}

/** The distinct http(s) links in an email, in order: `href`s when given HTML, bare URLs when given plain text. */
export function extractLinks(content: string): string[] {
  const links = new Set<string>();
  // In HTML only hrefs are links: a bare URL there is a DOCTYPE, a namespace or the text of a link already counted.
  if (/<(?:!doctype|html|body|a|p|div|table)\b/i.test(content)) {
    for (const [, double, single] of content.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      links.add(decodeEntities((double ?? single ?? "").trim()));
    }
  } else {
    // Sentence punctuation after a URL in prose belongs to the sentence, not the URL.
    for (const [url] of content.matchAll(/https?:\/\/[^\s<>"'`]+/gi)) links.add(url.replace(/[.,;:!?)\]]+$/, ""));
  }
  return [...links].filter((link) => /^https?:\/\/[^/\s]/i.test(link));
}
