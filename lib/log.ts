import pino from "pino";

/**
 * The one logger: JSON lines on stdout. Secrets are redacted wherever they appear in a logged object.
 * A leaf module (it imports only pino), so `db/` may use it too.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "keel" },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "*.sessionToken",
      "cookie",
      "*.cookie",
      "headers.authorization",
      "headers.cookie",
      "*.apiKey",
      "*.secret",
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof log;
