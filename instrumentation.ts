import type { Instrumentation } from "next";

/** Runs once when a server starts; the work is Node-only, so the Edge bundle stays empty. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./lib/server-start")).startServer();
}

/** Reports errors of server components, route handlers and actions to Sentry, when it is on. */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (!process.env.SENTRY_DSN || process.env.NEXT_RUNTIME !== "nodejs") return;
  const Sentry = await import("@sentry/nextjs");
  Sentry.captureRequestError(...args);
};
