import pino from "pino";
import { env } from "./env";
import { getRequestContext } from "./request-context";

/**
 * The one logger: JSON lines on stdout. Inside a request or a job run every line carries its `requestId`
 * (and the run's id), so one request's lines and the lines of the jobs it caused share the id.
 * Secrets are redacted wherever they appear in a logged object. db/ does not import it: it is passed in
 * (lib/database.ts).
 */
// Lines go to stdout, or, while a test captures them, to the test instead.
const captures = new Set<(line: string) => void>();
const destination = {
  write(line: string) {
    if (captures.size === 0) process.stdout.write(line);
    else for (const capture of captures) capture(line);
  },
};

/**
 * An error as pino logs it, minus the values of a failed query: drizzle's "Failed query: … params: …" message (and
 * stack, and `params` property) carries every bound value (emails, names, token hashes), so they become "[redacted]".
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  return redactParams(pino.stdSerializers.err(err));
}

const PARAMS = /\nparams: [\s\S]*?(?=; caused by|\n {4}at |$)/g;

function redactParams(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== "object" || depth > 5) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of ["message", "stack"]) if (typeof out[key] === "string") out[key] = (out[key] as string).replace(PARAMS, "\nparams: [redacted]");
  for (const key of ["params", "parameters"]) if (key in out) out[key] = "[redacted]";
  if (out.cause) out.cause = redactParams(out.cause, depth + 1);
  return out;
}

export const log = pino({
  level: logLevel(),
  serializers: { err: serializeError, error: serializeError },
  base: { service: "keel" },
  mixin: () => {
    const ctx = getRequestContext();
    return ctx ? { requestId: ctx.requestId, runId: ctx.runId, functionId: ctx.functionId } : {};
  },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "sessionToken",
      "*.sessionToken",
      "cookie",
      "*.cookie",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "headers.cookie",
      "apiKey",
      "*.apiKey",
      "secret",
      "*.secret",
    ],
    censor: "[redacted]",
  },
}, destination);

/** Sends every log line (at `level` and above) to `capture` instead of stdout until the returned stop is called. */
export function captureLogs(capture: (line: Record<string, unknown>) => void, level: pino.Level = "debug"): () => void {
  const previous = log.level;
  log.level = level;
  const listener = (line: string) => capture(JSON.parse(line) as Record<string, unknown>);
  captures.add(listener);
  return () => {
    captures.delete(listener);
    log.level = previous;
  };
}

export type Logger = typeof log;

// The logger must exist to report a bad environment, so a malformed one falls back to "info" here: the server
// start refuses it with the details. Tests are quiet unless LOG_LEVEL asks otherwise.
function logLevel(): string {
  try {
    const { LOG_LEVEL, NODE_ENV } = env();
    return LOG_LEVEL ?? (NODE_ENV === "test" ? "silent" : "info");
  } catch {
    return "info";
  }
}
