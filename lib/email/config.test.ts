import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  assertEmailTransportConfigured,
  DEFAULT_EMAIL_FROM,
  devMailboxEnabled,
  emailFrom,
  emailTransportName,
  NO_TRANSPORT_MESSAGE,
} from "./config";
import { getEmailTransport } from "./transports";

describe("email transport selection", () => {
  beforeEach(() => {
    // Whatever the machine running the tests has set, each case starts from "nothing configured".
    for (const name of ["RESEND_API_KEY", "SMTP_URL", "EMAIL_TRANSPORT", "EMAIL_FROM"]) vi.stubEnv(name, "");
    vi.stubEnv("NODE_ENV", "development");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("uses the dev mailbox in development when nothing is configured", () => {
    expect(emailTransportName()).toBe("dev-mailbox");
    expect(getEmailTransport().name).toBe("dev-mailbox");
    expect(devMailboxEnabled()).toBe(true);
  });

  it("prefers Resend when RESEND_API_KEY is set, even with SMTP_URL", () => {
    vi.stubEnv("RESEND_API_KEY", "re_test_123");
    vi.stubEnv("SMTP_URL", "smtp://mail.test:587");
    expect(getEmailTransport().name).toBe("resend");
  });

  it("uses SMTP when only SMTP_URL is set", () => {
    vi.stubEnv("SMTP_URL", "smtp://user:pass@mail.test:587");
    expect(getEmailTransport().name).toBe("smtp");
  });

  it("refuses a malformed SMTP_URL in one line that doesn't echo it", () => {
    vi.stubEnv("SMTP_URL", "mail.test:587 with password hunter2");
    expect(() => assertEmailTransportConfigured()).toThrow(/^email: SMTP_URL must look like smtp:\/\/user:pass@host:587/);
    expect(() => assertEmailTransportConfigured()).not.toThrow(/hunter2/);
  });

  it("refuses to start in production without a transport, with one clear line", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(() => assertEmailTransportConfigured()).toThrow(
      new Error("email: no transport configured: set RESEND_API_KEY or SMTP_URL (production refuses the dev mailbox)"),
    );
    expect(NO_TRANSPORT_MESSAGE).not.toContain("\n");
    expect(() => getEmailTransport()).toThrow(NO_TRANSPORT_MESSAGE);
    expect(devMailboxEnabled()).toBe(false);
  });

  it("starts in production with a real transport, and keeps the mailbox pages away", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMTP_URL", "smtps://user:pass@mail.test:465");
    expect(() => assertEmailTransportConfigured()).not.toThrow();
    expect(emailTransportName()).toBe("smtp");
    expect(devMailboxEnabled()).toBe(false);
  });

  it("lets EMAIL_TRANSPORT=dev-mailbox select the mailbox in production (e2e against `next start`)", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("EMAIL_TRANSPORT", "dev-mailbox");
    vi.stubEnv("RESEND_API_KEY", "re_test_123");
    expect(() => assertEmailTransportConfigured()).not.toThrow();
    expect(getEmailTransport().name).toBe("dev-mailbox");
    expect(devMailboxEnabled()).toBe(true);
  });

  it("lets EMAIL_TRANSPORT pick SMTP over Resend, and names what a chosen transport is missing", () => {
    vi.stubEnv("RESEND_API_KEY", "re_test_123");
    vi.stubEnv("SMTP_URL", "smtp://mail.test:25");
    vi.stubEnv("EMAIL_TRANSPORT", "smtp");
    expect(getEmailTransport().name).toBe("smtp");
    vi.stubEnv("SMTP_URL", "");
    expect(() => assertEmailTransportConfigured()).toThrow("email: EMAIL_TRANSPORT=smtp needs SMTP_URL");
    vi.stubEnv("EMAIL_TRANSPORT", "sendgrid");
    expect(() => assertEmailTransportConfigured()).toThrow('email: EMAIL_TRANSPORT must be resend, smtp or dev-mailbox (got "sendgrid")');
  });

  it("sends from EMAIL_FROM, or Keel's placeholder", () => {
    expect(emailFrom()).toBe(DEFAULT_EMAIL_FROM);
    expect(DEFAULT_EMAIL_FROM).toBe("Keel <noreply@keel.localhost>");
    vi.stubEnv("EMAIL_FROM", "Acme <hello@acme.test>");
    expect(emailFrom()).toBe("Acme <hello@acme.test>");
  });
});
