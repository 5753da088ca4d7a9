import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { appUrl, env, EnvError, parseEnv, settingNames, snapshotProcessEnv, startupProblems } from "./env";

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://keel@db.internal:5432/keel",
  AUTH_SECRET: "s3cret",
  AUTH_URL: "https://app.example.com",
  SMTP_URL: "smtp://mail.test:587",
  INNGEST_EVENT_KEY: "event-key",
  INNGEST_SIGNING_KEY: "signkey-prod-0123",
};

describe("the environment", () => {
  afterEach(unstubAllEnvs);

  it("types every setting and applies its default; an empty NAME= line means unset", () => {
    const parsed = parseEnv({ DATABASE_POOL_MAX: "25", KEEL_EMBEDDED_DB: "1", DATABASE_REPLICA_URLS: " postgres://r1/keel, ,postgres://r2/keel ", CACHE_TIMEOUT_MS: "" });
    expect(parsed.problems).toEqual([]);
    expect(parsed.env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_POOL_MAX: 25,
      DATABASE_PREPARED_STATEMENTS: true,
      KEEL_EMBEDDED_DB: true,
      DATABASE_REPLICA_URLS: ["postgres://r1/keel", "postgres://r2/keel"],
      CACHE_TIMEOUT_MS: 150,
      CACHE_DISABLED: false,
      OUTBOX_SEND_TIMEOUT_MS: 3000,
    });
  });

  it("names each malformed setting in one line, without echoing its value", () => {
    const { problems } = parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/keel", DATABASE_POOL_MAX: "lots", AUTH_URL: "app.example.com", CACHE_DISABLED: "yes" });
    expect(problems).toEqual([
      "DATABASE_POOL_MAX must be a whole number",
      "AUTH_URL must be an http(s):// URL",
      "CACHE_DISABLED must be 1 or 0",
    ]);
    expect(parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/keel" }).problems).toEqual(["DATABASE_URL must start with postgres:// (got mysql://)"]);
    for (const line of problems) expect(line).not.toContain("\n");
    expect(problems.join(" ")).not.toContain("hunter2");
  });

  it("refuses a production start without its real services, one clear line each", () => {
    expect(startupProblems(production)).toEqual([]);
    expect(startupProblems({ NODE_ENV: "production" })).toEqual([
      "email: no transport configured: set RESEND_API_KEY or SMTP_URL (production refuses the dev mailbox)",
      "DATABASE_URL is not set",
      "AUTH_SECRET is not set (generate one with `openssl rand -hex 32`)",
      "AUTH_URL is not set (the public origin of the app, such as https://app.example.com: email links point at it, never at a request's Host)",
      "INNGEST_EVENT_KEY is not set (from Inngest: without it no job runs and no email is sent)",
      "INNGEST_SIGNING_KEY is not set (from Inngest: it proves that calls of /api/inngest come from Inngest)",
    ]);
    // Development runs on stand-ins: nothing is required, but a malformed value still stops the start.
    expect(startupProblems({ NODE_ENV: "development" })).toEqual([]);
    expect(startupProblems({ NODE_ENV: "development", EMAIL_TRANSPORT: "sendgrid" })).toEqual([
      'email: EMAIL_TRANSPORT must be resend, smtp or dev-mailbox (got "sendgrid")',
    ]);
  });

  it("turns prepared statements off for a transaction-mode pooler only when told to", () => {
    expect(parseEnv({}).env?.DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(parseEnv({ DATABASE_PREPARED_STATEMENTS: "false" }).env?.DATABASE_PREPARED_STATEMENTS).toBe(false);
    expect(parseEnv({ DATABASE_PREPARED_STATEMENTS: "0" }).env?.DATABASE_PREPARED_STATEMENTS).toBe(false);
    expect(parseEnv({ DATABASE_PREPARED_STATEMENTS: "off" }).problems).toEqual(["DATABASE_PREPARED_STATEMENTS must be true or false"]);
  });

  it("takes Stripe's two keys together or not at all, in one line", () => {
    const line = "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together: set both to take payments, or neither to run on the Free plan";
    expect(startupProblems({ ...production, STRIPE_SECRET_KEY: "sk_test_x" })).toEqual([line]);
    expect(startupProblems({ ...production, STRIPE_WEBHOOK_SECRET: "whsec_x" })).toEqual([line]);
    expect(startupProblems({ ...production, STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toEqual([]);
    expect(startupProblems(production)).toEqual([]);
  });

  it("is read once: env() keeps its values until the environment is reloaded", () => {
    stubEnv("DATABASE_POOL_MAX", "7");
    const first = env();
    expect(first.DATABASE_POOL_MAX).toBe(7);
    process.env.DATABASE_POOL_MAX = "8";
    expect(env()).toBe(first);
    stubEnv("DATABASE_POOL_MAX", "9");
    expect(env().DATABASE_POOL_MAX).toBe(9);
  });

  it("throws every problem at once when a setting is malformed", () => {
    stubEnv("PORT", "eighty");
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow("PORT must be a whole number");
  });

  it("gives links the app's public origin: AUTH_URL's, else Vercel's production domain, else localhost on PORT", () => {
    stubEnv("AUTH_URL", "https://app.example.com/some/path");
    stubEnv("VERCEL_PROJECT_PRODUCTION_URL", "keel-demo.vercel.app");
    expect(appUrl()).toBe("https://app.example.com");
    stubEnv("AUTH_URL", "");
    expect(appUrl()).toBe("https://keel-demo.vercel.app");
    stubEnv("VERCEL_PROJECT_PRODUCTION_URL", "");
    stubEnv("PORT", "3123");
    expect(appUrl()).toBe("http://localhost:3123");
  });

  it("documents every setting in the README's environment table", () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Environment"), readme.indexOf("## Architecture"));
    expect(settingNames.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});

describe("snapshotProcessEnv (server start)", () => {
  it("turns process.env into a plain object with the same variables, once", () => {
    const original = process.env;
    try {
      snapshotProcessEnv();
      expect(process.env).not.toBe(original);
      expect(Object.getPrototypeOf(process.env)).toBe(Object.prototype);
      expect({ ...process.env }).toEqual({ ...original });
      const copy = process.env;
      snapshotProcessEnv();
      expect(process.env).toBe(copy);
    } finally {
      process.env = original;
    }
  });
});
