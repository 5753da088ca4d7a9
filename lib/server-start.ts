import type { Instrumentation } from "next";
import { connectDatabase } from "./database";
import { env, snapshotProcessEnv, startupProblems } from "./env";
import { log } from "./log";
import { trackRequestPeers } from "./request-peer";

/**
 * Node.js server start: refuses to start on an environment that is wrong or would silently lose work in
 * production (one clear line each, from lib/env.ts), connects db/ to it, and switches on tracing and error
 * tracking only when their variables are set.
 */
export async function startServer(): Promise<void> {
  snapshotProcessEnv();
  const problems = startupProblems();
  if (problems.length) {
    for (const problem of problems) console.error(`keel: ${problem}`);
    process.exit(1);
  }
  connectDatabase();
  // Loopback-only endpoints and TRUSTED_PROXY=none need each request's TCP peer, which Next does not pass on.
  trackRequestPeers();
  const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, SENTRY_DSN, SENTRY_ENVIRONMENT, SENTRY_TRACES_SAMPLE_RATE, NODE_ENV } = env();
  if (OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import("@vercel/otel");
    registerOTel({ serviceName: OTEL_SERVICE_NAME });
  }
  if (SENTRY_DSN) {
    const Sentry = await import("@sentry/nextjs");
    Sentry.init({ dsn: SENTRY_DSN, environment: SENTRY_ENVIRONMENT ?? NODE_ENV, tracesSampleRate: SENTRY_TRACES_SAMPLE_RATE });
  }
}

/**
 * Errors Next.js itself raises for a bad request and answers with a 500 (Keel does not patch Next): a server
 * action body over its size limit, and a server action posted from a foreign Origin (a CSRF attempt). They are
 * the client's fault, so they are logged as client errors and kept out of error tracking.
 */
export function clientErrorOf(err: unknown): string | null {
  const message = err instanceof Error ? err.message : String(err);
  if (/^Body exceeded .* limit/.test(message) || (err as { statusCode?: number } | null)?.statusCode === 413) return "server action body too large";
  if (message === "Invalid Server Actions request.") return "server action from a foreign origin or unknown action";
  return null;
}

/** Sends an error of a server component, route handler or action to Sentry, when it is on; client errors only to the log. */
export async function reportRequestError(...args: Parameters<Instrumentation.onRequestError>): Promise<void> {
  const [err, request] = args;
  const clientError = clientErrorOf(err);
  if (clientError) {
    log.warn({ kind: "client_error", reason: clientError, method: request.method, path: request.path }, "client error answered by Next.js");
    return;
  }
  if (!env().SENTRY_DSN) return;
  const Sentry = await import("@sentry/nextjs");
  Sentry.captureRequestError(...args);
}
