import { expect, type Page } from "./fixtures";

// What the journeys share: a visitor's own address, unique emails, and links read back from the dev mailbox.

/** A private IPv4 address, so each journey comes from its own visitor (sign-up allows few accounts per IP an hour). */
export const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

/** An email address no other journey or run uses. */
export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;

/**
 * The first link matching `pattern` in the newest email to `to` that has one, from the dev mailbox (waits for
 * the send-email job to deliver it).
 */
export async function linkFromMailbox(page: Page, to: string, pattern: RegExp): Promise<string> {
  let found = "";
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    const emails = await page.locator('a[href^="/dev/mailbox/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of emails.filter((h) => /^\/dev\/mailbox\/[^/?]+$/.test(h))) {
      await page.goto(href);
      const links = await page.locator('section[aria-labelledby="links-heading"] a').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      const match = links.find((l) => pattern.test(l));
      if (match) {
        found = match;
        return;
      }
    }
    throw new Error(`no email to ${to} with a link matching ${pattern} yet`);
  }).toPass({ timeout: 60_000, intervals: [500, 1000, 2000] });
  return found;
}
