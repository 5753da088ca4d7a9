import "server-only";
import { z } from "zod";
import { parseDatabaseUrl } from "@/db/url";
import { chooseEmailTransport } from "./email/config";

/*
 * The one reader of process.env. Every setting Keel has is declared here once, with its type and default, and the
 * rest of the code asks `env()` for it. The environment is read and checked once per process; what is wrong with it
 * comes back as one line per problem, and a server refuses to start with them (`startupProblems`).
 * Libraries that read their own variables (Auth.js AUTH_*, Inngest INNGEST_*) keep doing so; their values are
 * declared here too, so the checks and the README cover them.
 */

// An empty `NAME=` line in a .env file means "not set".
const optional = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional().transform((v) => (v === undefined ? fallback : v)));
const wholeNumber = (min: number, max: number, what = "") =>
  z.coerce
    .number({ error: `must be a whole number${what}` })
    .int(`must be a whole number${what}`)
    .min(min, `must be at least ${min}${what}`)
    .max(max, `must be at most ${max}${what}`);
const flag = withDefault(z.enum(["0", "1"], { error: "must be 1 or 0" }).transform((v) => v === "1"), false);
const httpUrl = optional.refine((v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), "must be an http(s):// URL");

const schema = z
  .object({
    NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),
    PORT: withDefault(wholeNumber(1, 65_535), 3000),

    DATABASE_URL: optional,
    DATABASE_REPLICA_URLS: withDefault(z.string(), "").transform((v) => v.split(",").map((u) => u.trim()).filter(Boolean)),
    DATABASE_POOL_MAX: withDefault(wholeNumber(1, 1_000), 10),
    // Signed-in pages rendering at once per process (lib/render-admission.ts); the others wait for a slot.
    RENDER_CONCURRENCY: withDefault(wholeNumber(1, 1_000), 10),
    // false behind a transaction-mode pooler that keeps no prepared statements across transactions (PgBouncer
    // before 1.21, Supabase's and Neon's poolers): statements are then parsed every time (one more round trip each).
    DATABASE_PREPARED_STATEMENTS: withDefault(z.enum(["true", "false", "1", "0"], { error: "must be true or false" }).transform((v) => v === "true" || v === "1"), true),
    // Set by `npm run dev` and the tests when the database is the embedded PGlite (one backend: no prepared statements).
    KEEL_EMBEDDED_DB: flag,

    AUTH_SECRET: optional,
    AUTH_URL: httpUrl,
    // Vercel sets it (the project's production domain, without a scheme): AUTH_URL defaults to https://<it>.
    VERCEL_PROJECT_PRODUCTION_URL: optional.refine((v) => v === undefined || /^[a-z0-9.-]+(:\d+)?$/i.test(v), "must be a host name such as app.example.com"),
    // Which proxies' forwarded headers say who the client is (lib/client-ip.ts): none, vercel, or a hop count.
    TRUSTED_PROXY: withDefault(
      z.union([z.enum(["none", "vercel"]), z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(10))], {
        error: "must be none, vercel or a number of proxy hops from 1 to 10",
      }),
      "none" as const,
    ),
    AUTH_GITHUB_ID: optional,
    AUTH_GITHUB_SECRET: optional,
    AUTH_GOOGLE_ID: optional,
    AUTH_GOOGLE_SECRET: optional,

    INNGEST_EVENT_KEY: optional,
    INNGEST_SIGNING_KEY: optional,
    INNGEST_DEV: optional,
    // Self-hosted Inngest: where its API is (Inngest Cloud's otherwise). /admin/system reads recent runs from it.
    INNGEST_BASE_URL: optional,
    // Test-only: lets a production build serve Inngest's dev mode, the dev mailbox and the dev pages, to loopback only.
    UNSAFE_TEST_ONLY_DEV_TOOLS: flag,
    OUTBOX_SEND_TIMEOUT_MS: withDefault(wholeNumber(1, 60_000, " of ms from 1 to 60000"), 3_000),

    WEBHOOK_DISABLE_AFTER_DAYS: withDefault(wholeNumber(1, 365, " of days from 1 to 365"), 5),
    // Unset: allowed outside production, refused in it (lib/webhooks/config.ts).
    UNSAFE_WEBHOOKS_ALLOW_LOOPBACK: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["0", "1"], { error: "must be 1 or 0" }).optional()),

    // Billing: both or neither. Without them Keel runs every organization on the Free plan.
    STRIPE_SECRET_KEY: optional,
    STRIPE_WEBHOOK_SECRET: optional,
    // Test-only: points the Stripe SDK at a local fake of Stripe's API (test/stripe-fake.ts). Never set in production.
    UNSAFE_STRIPE_API_URL: httpUrl,

    UPSTASH_REDIS_REST_URL: httpUrl,
    UPSTASH_REDIS_REST_TOKEN: optional,
    CACHE_NAMESPACE: optional.refine((v) => v === undefined || /^[A-Za-z0-9._-]{1,64}$/.test(v), "may only hold letters, digits, '.', '_' and '-' (up to 64)"),
    CACHE_TIMEOUT_MS: withDefault(wholeNumber(1, 10_000, " of ms from 1 to 10000"), 150),
    CACHE_DISABLED: flag,

    RESEND_API_KEY: optional,
    SMTP_URL: optional,
    EMAIL_TRANSPORT: optional,
    EMAIL_FROM: optional,

    // Unset: "info", and "silent" under tests.
    LOG_LEVEL: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()),
    SENTRY_DSN: optional,
    SENTRY_ENVIRONMENT: optional,
    SENTRY_TRACES_SAMPLE_RATE: withDefault(z.coerce.number({ error: "must be a number from 0 to 1" }).min(0, "must be from 0 to 1").max(1, "must be from 0 to 1"), 0),
    OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl,
    OTEL_SERVICE_NAME: withDefault(z.string(), "keel"),

    // Where browsers report Content Security Policy violations: an http(s) URL or a path on this app.
    CSP_REPORT_URI: optional.refine(
      (v) => v === undefined || (!/[\s;,"]/.test(v) && (/^\/[^/]/.test(v) || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)))),
      "must be an http(s):// URL or a path starting with /",
    ),
    // Next's build output directory (next.config.ts); the CSP manifest of prerendered pages is read from it.
    NEXT_DIST_DIR: withDefault(z.string(), ".next"),
  })
  .superRefine((e, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message, path: [] });
    for (const [name, url] of [["DATABASE_URL", e.DATABASE_URL], ...e.DATABASE_REPLICA_URLS.map((u) => ["DATABASE_REPLICA_URLS", u] as const)] as const) {
      if (url === undefined) continue;
      try {
        parseDatabaseUrl(url, name);
      } catch (err) {
        problem((err as Error).message);
      }
    }
    if (Boolean(e.UPSTASH_REDIS_REST_URL) !== Boolean(e.UPSTASH_REDIS_REST_TOKEN)) {
      problem("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN go together: set both, or neither for the in-process cache");
    }
    if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
      problem("STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together: set both to take payments, or neither to run on the Free plan");
    }
  });

/** The name of every setting (the README's environment table lists each). */
export const settingNames = Object.keys(schema.shape);

/** Every setting, typed and with its default applied. */
export type Env = z.output<typeof schema>;

/** The settings of `source`, or every problem with them, one line each (never echoing a value: some are secrets). */
export function parseEnv(source: Record<string, string | undefined>): { env: Env; problems: [] } | { env: null; problems: string[] } {
  const result = schema.safeParse(source);
  if (result.success) return { env: result.data, problems: [] };
  return { env: null, problems: result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")} ${i.message}` : i.message)) };
}

/** Thrown by `env()` when a setting is malformed: its message lists every problem, one a line. */
export class EnvError extends Error {
  override name = "EnvError";
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

let current: ReturnType<typeof parseEnv> | undefined;

/** The settings of this process, read from process.env on first use. Throws `EnvError` when they are unusable. */
export function env(): Env {
  current ??= parseEnv(process.env);
  if (!current.env) throw new EnvError(current.problems);
  return current.env;
}

/**
 * Why a server must not start on `source`, one line each; empty when it may. Beyond what `env()` refuses, a
 * server needs a way to send email, and production needs its real services named: development and tests run on
 * stand-ins, so only production is strict about those. (A build is not a start: it needs none of them.)
 */
export function startupProblems(source: Record<string, string | undefined> = process.env): string[] {
  const { env: e, problems } = parseEnv(source);
  if (!e) return problems;
  const found: string[] = [];
  try {
    chooseEmailTransport(e);
  } catch (err) {
    found.push((err as Error).message);
  }
  if (e.NODE_ENV === "production") {
    if (!e.DATABASE_URL) found.push("DATABASE_URL is not set");
    if (!e.AUTH_SECRET) found.push("AUTH_SECRET is not set (generate one with `openssl rand -hex 32`)");
    if (!e.AUTH_URL && !e.VERCEL_PROJECT_PRODUCTION_URL) {
      found.push("AUTH_URL is not set (the public origin of the app, such as https://app.example.com: email links point at it, never at a request's Host)");
    }
    const devTools = e.UNSAFE_TEST_ONLY_DEV_TOOLS;
    // In dev mode Inngest's endpoint runs any function for anyone who asks: never on a production server.
    if (inngestDevMode(e) && !devTools) {
      found.push("INNGEST_DEV is set: production never serves Inngest's unsigned dev mode (unset it and set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY)");
    }
    if (!(inngestDevMode(e) && devTools)) {
      if (!e.INNGEST_EVENT_KEY) found.push("INNGEST_EVENT_KEY is not set (from Inngest: without it no job runs and no email is sent)");
      if (!e.INNGEST_SIGNING_KEY) found.push("INNGEST_SIGNING_KEY is not set (from Inngest: it proves that calls of /api/inngest come from Inngest)");
    }
    if (e.EMAIL_TRANSPORT === "dev-mailbox" && !devTools) {
      found.push("EMAIL_TRANSPORT=dev-mailbox: production sends email through RESEND_API_KEY or SMTP_URL (the dev mailbox is for end-to-end tests)");
    }
  }
  return found;
}

/** Reads process.env again on the next `env()`: for tests that change it (test/env.ts does this for them). */
export function reloadEnv(): void {
  current = undefined;
}

/** Keel's version (package.json's), which next.config.ts has Next inline at build time; "dev" outside a build. */
export function appVersion(): string {
  return process.env.KEEL_VERSION ?? "dev";
}

/**
 * The app's public origin, without a trailing slash: AUTH_URL's origin when set, else Vercel's production domain,
 * else `http://localhost:<PORT>` (development; production refuses to start without one of the first two). Every
 * link Keel sends is built on it, never on a request's Host or X-Forwarded-Host, which the client chooses.
 */
export function appUrl(): string {
  const { AUTH_URL, VERCEL_PROJECT_PRODUCTION_URL, PORT } = env();
  if (AUTH_URL) return new URL(AUTH_URL).origin;
  if (VERCEL_PROJECT_PRODUCTION_URL) return new URL(`https://${VERCEL_PROJECT_PRODUCTION_URL}`).origin;
  return `http://localhost:${PORT}`;
}

/** Whether Inngest's SDK runs in dev mode (unsigned requests, any caller): INNGEST_DEV set to a URL, 1 or true. */
export function inngestDevMode(settings: Pick<Env, "INNGEST_DEV"> = env()): boolean {
  return settings.INNGEST_DEV !== undefined && !/^(0|false)$/i.test(settings.INNGEST_DEV);
}

/**
 * Whether this server may serve the development tools (Inngest's dev mode, the dev mailbox, /dev pages, /api/dev):
 * always outside production, and in production only with UNSAFE_TEST_ONLY_DEV_TOOLS=1 (the end-to-end server).
 * Callers still answer only loopback peers in production (lib/dev/dev-tools.ts).
 */
export function devToolsAllowed(settings: Env = env()): boolean {
  return settings.NODE_ENV !== "production" || settings.UNSAFE_TEST_ONLY_DEV_TOOLS;
}

const snapshots = new WeakSet<object>();

/**
 * Replaces `process.env` with a plain-object copy of itself, once, at server start. Node's `process.env` is backed
 * by the C environment: every read and every listing crosses into C++ (`Object.entries(process.env)` of 35
 * variables took about 0.2 ms here, a plain object 2 µs). The Inngest SDK lists the whole environment several
 * times for each request to /api/inngest (inngest/helpers/env.js `getProcessEnv`, from `inngestHeaders` and every
 * `processEnv(key)`): under `npm run bench:billing` that was 13% of the server's CPU, more than the Stripe webhook
 * route itself. Reads and writes work as before within this process; what changes: a written value is no longer
 * turned into a string, and it no longer reaches the C environment (set `TZ` before start, not at run time).
 */
export function snapshotProcessEnv(): void {
  if (snapshots.has(process.env)) return;
  const copy: NodeJS.ProcessEnv = { ...process.env };
  snapshots.add(copy);
  process.env = copy;
}
