import type { EmailTransportName } from "./transports/types";

// The email rules that depend only on the settings. A leaf module (no SDKs, no database, no env reads: callers
// pass `env()`), so lib/env's start-up checks and the /dev pages can ask these questions without loading a transport.

/** The sender used when EMAIL_FROM is unset. */
export const DEFAULT_EMAIL_FROM = "Keel <noreply@keel.localhost>";

/** The one-line error a production server without a transport fails to start with. */
export const NO_TRANSPORT_MESSAGE =
  "email: no transport configured: set RESEND_API_KEY or SMTP_URL (production refuses the dev mailbox)";

/** The transport the environment asks for, with what it needs to connect. */
export type TransportChoice =
  | { name: "resend"; apiKey: string }
  | { name: "smtp"; url: string }
  | { name: "dev-mailbox" };

/** The settings these rules read (lib/env's `Env` has them). */
export type EmailSettings = {
  NODE_ENV?: string;
  EMAIL_TRANSPORT?: string;
  RESEND_API_KEY?: string;
  SMTP_URL?: string;
  EMAIL_FROM?: string;
};

// An empty `RESEND_API_KEY=` line in a .env file means "not set", not "a key that is empty".
function read(env: EmailSettings, name: Exclude<keyof EmailSettings, "NODE_ENV">): string | undefined {
  return env[name]?.trim() || undefined;
}

function smtp(url: string): TransportChoice {
  // Checked here so a typo fails server start-up, not the first password reset.
  if (!/^smtps?:\/\/[^/]/i.test(url) || !URL.canParse(url)) {
    throw new Error("email: SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465");
  }
  return { name: "smtp", url };
}

/**
 * Picks the transport: EMAIL_TRANSPORT when set (`dev-mailbox` is the escape hatch for e2e runs of a production
 * build), else Resend when RESEND_API_KEY is set, else SMTP when SMTP_URL is set, else the dev mailbox outside
 * production. Throws a one-line Error when the environment can't send email.
 */
export function chooseEmailTransport(env: EmailSettings): TransportChoice {
  const explicit = read(env, "EMAIL_TRANSPORT");
  const apiKey = read(env, "RESEND_API_KEY");
  const url = read(env, "SMTP_URL");
  if (explicit === "dev-mailbox") return { name: "dev-mailbox" };
  if (explicit === "resend") {
    if (!apiKey) throw new Error("email: EMAIL_TRANSPORT=resend needs RESEND_API_KEY");
    return { name: "resend", apiKey };
  }
  if (explicit === "smtp") {
    if (!url) throw new Error("email: EMAIL_TRANSPORT=smtp needs SMTP_URL");
    return smtp(url);
  }
  if (explicit) throw new Error(`email: EMAIL_TRANSPORT must be resend, smtp or dev-mailbox (got "${explicit}")`);
  if (apiKey) return { name: "resend", apiKey };
  if (url) return smtp(url);
  if (env.NODE_ENV === "production") throw new Error(NO_TRANSPORT_MESSAGE);
  return { name: "dev-mailbox" };
}

/** The name of the transport emails go through (throws like `chooseEmailTransport`). */
export function emailTransportName(env: EmailSettings): EmailTransportName {
  return chooseEmailTransport(env).name;
}

/** The From header of every email: EMAIL_FROM, or Keel's placeholder address. */
export function emailFrom(env: EmailSettings): string {
  return read(env, "EMAIL_FROM") ?? DEFAULT_EMAIL_FROM;
}

/** Whether /dev/mailbox exists: always outside production, and in production only with EMAIL_TRANSPORT=dev-mailbox. */
export function devMailboxEnabled(env: EmailSettings): boolean {
  return env.NODE_ENV !== "production" || read(env, "EMAIL_TRANSPORT") === "dev-mailbox";
}
