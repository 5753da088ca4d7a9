import { startupProblems } from "./startup-checks";

/**
 * Node.js server start: refuses a production start that would silently lose work (one clear line each), and
 * switches on tracing and error tracking only when their variables are set.
 */
export async function startServer(): Promise<void> {
  const problems = startupProblems();
  if (problems.length) {
    for (const problem of problems) console.error(`keel: ${problem}`);
    process.exit(1);
  }
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import("@vercel/otel");
    registerOTel({ serviceName: process.env.OTEL_SERVICE_NAME ?? "keel" });
  }
  if (process.env.SENTRY_DSN) {
    const Sentry = await import("@sentry/nextjs");
    Sentry.init({
      dsn: process.env.SENTRY_DSN,
      environment: process.env.SENTRY_ENVIRONMENT ?? process.env.NODE_ENV,
      tracesSampleRate: Number(process.env.SENTRY_TRACES_SAMPLE_RATE ?? 0),
    });
  }
}
