import type { Instrumentation } from "next";

// NEXT_RUNTIME is inlined by Next at build time, so the Edge bundle drops the Node-only imports below.

/** Runs once when a server starts, before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./lib/server-start")).startServer();
}

/** Reports errors of server components, route handlers and actions (to Sentry, when it is on). */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./lib/server-start")).reportRequestError(...args);
};
