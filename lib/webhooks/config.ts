// Webhook delivery settings: fixed by design, or read through lib/env.ts.
import { env, type Env } from "@/lib/env";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long to wait before each attempt of a delivery: the first goes out at once, the eighth about 27.6 hours
 * after the event. A receiver that is down for a deploy or an outage of a day still gets everything.
 */
export const RETRY_SCHEDULE_MS = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;

/** How long one attempt may take, connect to last byte, before it counts as failed. */
export const ATTEMPT_TIMEOUT_MS = 10 * SECOND;

/** How much of a receiver's response body the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1_024;

/** How long the previous secret keeps signing after a rotation. */
export const SECRET_OVERLAP_MS = DAY;

/** At most this many requests in flight to one endpoint: a slow receiver queues its own deliveries, nobody else's. */
export const ENDPOINT_CONCURRENCY = 5;

/** After failing every attempt for this long, an endpoint is disabled and its admins are told (WEBHOOK_DISABLE_AFTER_DAYS). */
export function disableAfterMs(e: Pick<Env, "WEBHOOK_DISABLE_AFTER_DAYS"> = env()): number {
  return e.WEBHOOK_DISABLE_AFTER_DAYS * DAY;
}

/**
 * Whether endpoint URLs may be plain http and point at loopback addresses (a receiver on this machine).
 * Development and tests allow it; production only with UNSAFE_WEBHOOKS_ALLOW_LOOPBACK=1 (end-to-end tests).
 * Private, link-local and metadata addresses are refused either way.
 */
export function allowLoopbackUrls(e: Pick<Env, "NODE_ENV" | "UNSAFE_WEBHOOKS_ALLOW_LOOPBACK"> = env()): boolean {
  if (e.UNSAFE_WEBHOOKS_ALLOW_LOOPBACK !== undefined) return e.UNSAFE_WEBHOOKS_ALLOW_LOOPBACK === "1";
  return e.NODE_ENV !== "production";
}
