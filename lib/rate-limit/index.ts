// Rate limits: one table of policies (policies.ts), one function to check them.
import { inTransaction } from "@/db/tenant";
import { processBackend } from "@/lib/cache/process-backend";
import { createRateLimiter, type RateLimiter, type RateLimitResult } from "./create-rate-limiter";
import type { PolicyName } from "./policies";

export { createRateLimiter, type CreateRateLimiterOptions, type RateLimiter, type RateLimitResult } from "./create-rate-limiter";
export { hashIdentifier, normalizeIdentifier } from "./hash-identifier";
export { policies, windowMs, type PolicyName, type RateLimitPolicy, type RateLimitSubject } from "./policies";

let shared: RateLimiter<PolicyName> | undefined;

/**
 * Counts one request of `identifier` (an IP, an email or an API key, as the policy says) against a policy. Never
 * throws for a Redis outage. Uses the cache's backend: Upstash when configured, this process otherwise.
 */
export function rateLimit(policy: PolicyName, identifier: string): Promise<RateLimitResult> {
  return limiter().limit(policy, identifier);
}

/** Whether `rateLimit` would let `identifier` pass now, without counting this request (count failures only). */
export function peekRateLimit(policy: PolicyName, identifier: string): Promise<RateLimitResult> {
  return limiter().peek(policy, identifier);
}

function limiter(): RateLimiter<PolicyName> {
  // A network call: never while a transaction waits (see lib/cache's guard).
  if (inTransaction()) throw new Error("rate limit check inside a database transaction: check it before the transaction");
  if (!shared) {
    const { redis, config } = processBackend();
    shared = createRateLimiter({ redis, prefix: `keel:${config.namespace}#rl`, timeoutMs: config.timeoutMs });
  }
  return shared;
}
