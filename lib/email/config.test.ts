import { afterEach, describe, expect, it } from "vitest";
import { startupProblems } from "@/lib/env";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { chooseEmailTransport, DEFAULT_EMAIL_FROM, devMailboxEnabled, emailFrom, emailTransportName, NO_TRANSPORT_MESSAGE, type EmailSettings } from "./config";
import { getEmailTransport } from "./transports";

// Whatever the machine running the tests has set, each case starts from "nothing configured".
const dev = (settings: EmailSettings = {}): EmailSettings => ({ NODE_ENV: "development", ...settings });
const production = (settings: EmailSettings = {}): EmailSettings => ({ NODE_ENV: "production", ...settings });

describe("email transport selection", () => {
  afterEach(unstubAllEnvs);

  it("uses the dev mailbox in development when nothing is configured", () => {
    expect(emailTransportName(dev())).toBe("dev-mailbox");
    expect(devMailboxEnabled(dev())).toBe(true);
  });

  it("prefers Resend when RESEND_API_KEY is set, even with SMTP_URL", () => {
    expect(emailTransportName(dev({ RESEND_API_KEY: "re_test_123", SMTP_URL: "smtp://mail.test:587" }))).toBe("resend");
  });

  it("uses SMTP when only SMTP_URL is set", () => {
    expect(emailTransportName(dev({ SMTP_URL: "smtp://user:pass@mail.test:587" }))).toBe("smtp");
  });

  it("refuses a malformed SMTP_URL in one line that doesn't echo it", () => {
    const choose = () => chooseEmailTransport(dev({ SMTP_URL: "mail.test:587 with password hunter2" }));
    expect(choose).toThrow(/^email: SMTP_URL must look like smtp:\/\/user:pass@host:587/);
    expect(choose).not.toThrow(/hunter2/);
  });

  it("refuses to start in production without a transport, with one clear line", () => {
    expect(() => chooseEmailTransport(production())).toThrow(
      new Error("email: no transport configured: set RESEND_API_KEY or SMTP_URL (production refuses the dev mailbox)"),
    );
    expect(NO_TRANSPORT_MESSAGE).not.toContain("\n");
    const rest = { DATABASE_URL: "postgres://db.test/keel", AUTH_SECRET: "s", AUTH_URL: "https://app.test", INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" };
    expect(startupProblems({ NODE_ENV: "production", ...rest })).toEqual([NO_TRANSPORT_MESSAGE]);
    expect(devMailboxEnabled(production())).toBe(false);
  });

  it("starts in production with a real transport, and keeps the mailbox pages away", () => {
    const settings = production({ SMTP_URL: "smtps://user:pass@mail.test:465" });
    expect(emailTransportName(settings)).toBe("smtp");
    expect(devMailboxEnabled(settings)).toBe(false);
  });

  it("lets EMAIL_TRANSPORT=dev-mailbox select the mailbox in production (e2e against `next start`)", () => {
    const settings = production({ EMAIL_TRANSPORT: "dev-mailbox", RESEND_API_KEY: "re_test_123" });
    expect(emailTransportName(settings)).toBe("dev-mailbox");
    expect(devMailboxEnabled(settings)).toBe(true);
  });

  it("lets EMAIL_TRANSPORT pick SMTP over Resend, and names what a chosen transport is missing", () => {
    expect(emailTransportName(dev({ RESEND_API_KEY: "re_test_123", SMTP_URL: "smtp://mail.test:25", EMAIL_TRANSPORT: "smtp" }))).toBe("smtp");
    expect(() => chooseEmailTransport(dev({ RESEND_API_KEY: "re_test_123", EMAIL_TRANSPORT: "smtp" }))).toThrow("email: EMAIL_TRANSPORT=smtp needs SMTP_URL");
    expect(() => chooseEmailTransport(dev({ EMAIL_TRANSPORT: "sendgrid" }))).toThrow('email: EMAIL_TRANSPORT must be resend, smtp or dev-mailbox (got "sendgrid")');
  });

  it("sends from EMAIL_FROM, or Keel's placeholder", () => {
    expect(emailFrom(dev())).toBe(DEFAULT_EMAIL_FROM);
    expect(DEFAULT_EMAIL_FROM).toBe("Keel <noreply@keel.localhost>");
    expect(emailFrom(dev({ EMAIL_FROM: "Acme <hello@acme.test>" }))).toBe("Acme <hello@acme.test>");
  });

  it("builds the transport the process's environment names", () => {
    stubEnv("SMTP_URL", "smtp://mail.test:25");
    stubEnv("RESEND_API_KEY", "");
    stubEnv("EMAIL_TRANSPORT", "");
    expect(getEmailTransport().name).toBe("smtp");
    stubEnv("EMAIL_TRANSPORT", "dev-mailbox");
    expect(getEmailTransport().name).toBe("dev-mailbox");
  });
});
