import { pingDatabase } from "@/db/queries/health";
import { unsentBacklog } from "@/db/queries/outbox";
import { withSystem } from "@/db/tenant";
import { env } from "./env";
import { cache } from "./cache";
import { withTimeout } from "./timeout";

/** The outcome of one dependency check, as `/api/health` reports it. */
export type CheckResult = { status: "ok" | "error"; latencyMs: number; required: boolean; error?: string; detail?: Record<string, unknown> };

// A short, fixed vocabulary: the health endpoint is public and must not echo driver messages.
function reason(err: unknown): string {
  const code = ((err as { cause?: { code?: string } })?.cause ?? (err as { code?: string }))?.code;
  if (code === "ETIMEDOUT" || code === "CONNECT_TIMEOUT") return "timed out";
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN") return "unreachable";
  if (err instanceof Error && err.name === "DatabaseSetupError") return "not configured";
  if (err instanceof HealthError) return err.message;
  return "failed";
}

/** A failed check whose message is safe to show (it is part of the fixed vocabulary). */
class HealthError extends Error {}

/** Runs a check against a deadline and times it; never throws. */
export async function runCheck(
  check: () => Promise<Record<string, unknown> | void>,
  options: { required: boolean; timeoutMs?: number },
): Promise<CheckResult> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    const detail = await withTimeout(Promise.resolve().then(check), options.timeoutMs ?? 2_000);
    return { status: "ok", latencyMs: latencyMs(), required: options.required, ...(detail ? { detail } : {}) };
  } catch (err) {
    return { status: "error", latencyMs: latencyMs(), required: options.required, error: reason(err) };
  }
}

/** The database answers a trivial query. Required: nothing works without it. */
export const checkDatabase = () => runCheck(pingDatabase, { required: true });

/** The cache backend answers. Not required: the cache fails open. */
export const checkCache = () =>
  runCheck(
    async () => ({ backend: (await cache.ping()).backend }),
    { required: false },
  );

/** How old the oldest unsent outbox event may get before health turns red: the relay runs every minute. */
export const OUTBOX_STALLED_AFTER_MS = 10 * 60_000;

/**
 * The job transport is configured and, for a dev server, reachable. Not required: the outbox keeps every event
 * until the transport is back, and the outbox check below turns red if that takes too long.
 */
export const checkJobs = () =>
  runCheck(
    async () => {
      const { INNGEST_DEV: devUrl, INNGEST_EVENT_KEY } = env();
      if (devUrl && /^https?:\/\//.test(devUrl)) {
        await fetch(devUrl, { signal: AbortSignal.timeout(1_500) });
        return { mode: "dev" };
      }
      if (INNGEST_EVENT_KEY) return { mode: "cloud" };
      throw new HealthError("not configured");
    },
    { required: false },
  );

/**
 * The outbox drains: no event has waited longer than OUTBOX_STALLED_AFTER_MS. Required: events that stop
 * draining are verification and reset emails that never go out, and jobs that never run, while every page works.
 */
export const checkOutbox = () =>
  runCheck(
    async () => {
      const { stalled, oldest } = await withSystem("health: outbox backlog", (tx) => unsentBacklog(tx, new Date(Date.now() - OUTBOX_STALLED_AFTER_MS)));
      const oldestAgeSeconds = oldest ? Math.round((Date.now() - oldest.getTime()) / 1000) : 0;
      if (stalled > 0) throw new HealthError(`${stalled} events waiting over ${OUTBOX_STALLED_AFTER_MS / 60_000} minutes: the outbox is not draining`);
      return { oldestAgeSeconds };
    },
    { required: true },
  );
