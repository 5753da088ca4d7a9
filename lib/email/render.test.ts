import { describe, expect, it } from "vitest";
import { emailTemplateNames, emailTemplates, extractLinks, renderEmail, sendEmailSchema, type EmailProps, type EmailTemplate } from "./render";

// What a reader must find in each email rendered with its preview props. Every template is rendered and checked
// for its links whether or not it is listed here; listing it adds the checks of its words.
const expected: { [T in EmailTemplate]?: { subject: string; content: string[] } } = {
  welcome: { subject: "Welcome to Keel", content: ["Welcome to Keel, Ada", "Open your dashboard"] },
  "magic-link": { subject: "Your Keel sign-in link", content: ["Sign in to Keel", "expires in 15 minutes"] },
  "verify-email": { subject: "Verify your email for Keel", content: ["Verify your email", "expires in 24 hours"] },
  "reset-password": { subject: "Reset your Keel password", content: ["Reset your password", "Hi Grace", "expires in 60 minutes"] },
  invitation: { subject: "Ada Lovelace invited you to join Acme on Keel", content: ["Ada Lovelace", "Acme", "as an admin", "January 2, 2030"] },
  notice: { subject: "Your trial ends soon", content: ["Your trial ends soon", "ends in 3 days", "Add a card to keep your projects."] },
};

/** The http(s) URLs anywhere in a template's props: the links its email must carry. */
const urlsIn = (value: unknown): string[] =>
  typeof value === "string" ? (/^https?:\/\//.test(value) ? [value] : []) : value && typeof value === "object" ? Object.values(value).flatMap(urlsIn) : [];

const preview = <T extends EmailTemplate>(template: T) => emailTemplates[template].preview as EmailProps<T>;

describe("renderEmail", () => {
  for (const template of emailTemplateNames) {
    it(`renders ${template} as HTML and plain text with its content and links`, async () => {
      const props = preview(template);
      const email = await renderEmail(template, props);

      expect(email.subject.length).toBeGreaterThan(0);
      expect(email.subject).not.toContain("\n");
      if (expected[template]) expect(email.subject).toBe(expected[template].subject);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      for (const text of expected[template]?.content ?? []) {
        expect(email.text).toContain(text);
        expect(email.html.replace(/<!-- -->/g, "")).toContain(text.replace(/'/g, "&#x27;"));
      }
      // Each action is a real link in the HTML, and readable in the plain text.
      for (const link of urlsIn(props)) {
        expect(extractLinks(email.html)).toContain(link);
        expect(email.text).toContain(link);
      }
      expect(email.text).toContain("You received this email because");
      expect(email.text).not.toMatch(/<[a-z]/i);
    });
  }

  it("escapes what users type into names", async () => {
    const email = await renderEmail("invitation", {
      ...preview("invitation"),
      orgName: "<script>alert(1)</script>",
    });
    expect(email.html).not.toContain("<script>alert(1)</script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("leaves out the action of a notice that has none", async () => {
    const email = await renderEmail("notice", { heading: "Maintenance", paragraphs: ["We upgrade the database on Sunday."] });
    expect(extractLinks(email.html)).toEqual([]);
  });
});

describe("sendEmailSchema", () => {
  const valid = { to: "owner@acme.test", template: "welcome", props: preview("welcome") } as const;

  it("accepts a valid email", () => {
    expect(sendEmailSchema.parse(valid)).toEqual(valid);
  });

  it("round-trips through JSON unchanged, as an event payload must", () => {
    const invitation = { to: "new@acme.test", template: "invitation", props: preview("invitation") } as const;
    expect(sendEmailSchema.parse(JSON.parse(JSON.stringify(invitation)))).toEqual(invitation);
  });

  it.each([
    ["a bad recipient", { ...valid, to: "not-an-email" }, "to"],
    ["a missing link", { ...valid, props: { name: "Ada" } }, "props.dashboardUrl"],
    ["a javascript: link", { ...valid, props: { dashboardUrl: "javascript:alert(1)" } }, "props.dashboardUrl"],
    ["a relative link", { ...valid, props: { dashboardUrl: "/dashboard" } }, "props.dashboardUrl"],
    ["an unknown template", { ...valid, template: "newsletter" }, "template"],
    [
      "a newline in a name that reaches the subject",
      { ...valid, template: "invitation", props: { ...preview("invitation"), orgName: "Acme\nBcc: x@y.test" } },
      "props.orgName",
    ],
    ["an unknown role", { ...valid, template: "invitation", props: { ...preview("invitation"), role: "god" } }, "props.role"],
    ["an expiry that is not a timestamp", { ...valid, template: "invitation", props: { ...preview("invitation"), expiresAt: "soon" } }, "props.expiresAt"],
    ["a magic link without its expiry", { ...valid, template: "magic-link", props: { url: "https://a.test/x" } }, "props.expiresInMinutes"],
    ["a notice without paragraphs", { ...valid, template: "notice", props: { heading: "Hi", paragraphs: [] } }, "props.paragraphs"],
  ])("rejects %s", (_, input, path) => {
    const result = sendEmailSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it("makes renderEmail throw on bad props too", async () => {
    await expect(renderEmail("welcome", { dashboardUrl: "nope" })).rejects.toThrow(/absolute http\(s\) URL/);
  });
});

describe("extractLinks", () => {
  it("reads hrefs from HTML, decoding entities and dropping duplicates and non-http links", () => {
    const html = `<a href="https://a.test/x?b=1&amp;c=2">go</a> <a href='https://a.test/x?b=1&amp;c=2'>again</a>
      <a href="mailto:help@a.test">mail</a> <a href="https://b.test/">b</a>`;
    expect(extractLinks(html)).toEqual(["https://a.test/x?b=1&c=2", "https://b.test/"]);
  });

  it("finds bare URLs in plain text without the sentence's punctuation", () => {
    const text = "Sign in: https://a.test/callback?token=t1. Or visit (https://b.test/help), or http://c.test";
    expect(extractLinks(text)).toEqual(["https://a.test/callback?token=t1", "https://b.test/help", "http://c.test"]);
  });
});
