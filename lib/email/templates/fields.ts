import { z } from "zod";

// Shared prop schemas for the templates. Props arrive in Inngest event payloads, so they are plain JSON:
// strings and numbers, never Dates.

/** A link an email sends its reader to: absolute http(s) only, so a `javascript:` URL can never become a button. */
export const linkUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).max(2048);

/** A short, single-line piece of text shown in an email and possibly its subject (a newline there would break the header). */
export const shortText = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\p{Cc}]*$/u, "must be a single line without control characters");

/** A person's display name, when we know it. */
export const personName = shortText.optional();
