import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { createFailOpen, type FailOpenOptions, type WarnLogger } from "@/lib/cache/fail-open";
import { log as defaultLog } from "@/lib/log";
import { hashIdentifier } from "./hash-identifier";
import { createMemorySlidingWindow } from "./memory-sliding-window";
import { policies as defaultPolicies, windowMs, type RateLimitPolicy } from "./policies";

/** The verdict on one request; `retryAfterSeconds` is 0 when it may pass, and at least 1 when it may not. */
export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
  retryAfterSeconds: number;
}

/** Counts requests against named policies. */
export interface RateLimiter<Name extends string> {
  readonly backend: "upstash" | "memory";
  limit(policy: Name, identifier: string): Promise<RateLimitResult>;
  /** Whether `limit` would let the identifier pass now, without counting anything. */
  peek(policy: Name, identifier: string): Promise<RateLimitResult>;
}

/** How to build a rate limiter: in Redis when given a client, in this process otherwise. */
export interface CreateRateLimiterOptions<P extends Record<string, RateLimitPolicy>> {
  redis?: Redis;
  /** Every key starts with it, followed by `:<policy>:<sha256 of identifier>:<window>`. */
  prefix: string;
  /** Default: the table in policies.ts. */
  policies?: P;
  /** Deadline of each Redis call. Default 150 ms. */
  timeoutMs?: number;
  log?: WarnLogger;
  failOpen?: Pick<FailOpenOptions, "breakerThreshold" | "breakerCooldownMs" | "logIntervalMs">;
  /** Clock of the in-process counting (Redis windows follow Date.now inside @upstash/ratelimit). */
  now?: () => number;
}

/**
 * Builds a rate limiter. With Redis, each policy is an @upstash/ratelimit sliding window. When Redis fails or is
 * slow the request is never failed: the failure is logged and the request is counted in this process instead, so
 * an outage makes limits per-instance rather than absent (sign-in must not become unlimited because Redis is).
 */
export function createRateLimiter<P extends Record<string, RateLimitPolicy> = typeof defaultPolicies>(
  options: CreateRateLimiterOptions<P>,
): RateLimiter<keyof P & string> {
  const table: Record<string, RateLimitPolicy> = options.policies ?? defaultPolicies;
  const { redis, prefix } = options;
  const now = options.now ?? Date.now;
  const local = createMemorySlidingWindow({ now });
  const guard = createFailOpen({
    component: "rate-limit",
    backend: "upstash",
    timeoutMs: options.timeoutMs ?? 150,
    log: options.log ?? defaultLog,
    ...options.failOpen,
  });

  const remote = new Map<string, Ratelimit>();
  const remoteFor = (name: string, policy: RateLimitPolicy, client: Redis) => {
    let limiter = remote.get(name);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: client,
        limiter: Ratelimit.slidingWindow(policy.limit, policy.window),
        prefix: `${prefix}:${name}`,
        analytics: false,
        // The guard owns the deadline. Ratelimit's own would quietly answer success without a log line.
        timeout: 0,
        // Refusals are remembered in-process until the window ends: an attacker hammering one identifier costs no Redis calls.
        ephemeralCache: new Map(),
      });
      remote.set(name, limiter);
    }
    return limiter;
  };

  const verdict = (policy: RateLimitPolicy, success: boolean, remaining: number, reset: number): RateLimitResult => ({
    success,
    limit: policy.limit,
    remaining,
    resetAt: new Date(reset),
    retryAfterSeconds: success ? 0 : Math.max(1, Math.ceil((reset - now()) / 1000)),
  });

  const policyOf = (name: string) => {
    const policy = table[name];
    if (!policy) throw new TypeError(`unknown rate-limit policy "${name}"`);
    return policy;
  };

  return {
    backend: redis ? "upstash" : "memory",
    async peek(name, identifier) {
      const policy = policyOf(name);
      const id = hashIdentifier(policy.by, identifier);
      if (redis) {
        const attempt = await guard.run(name, () => remoteFor(name, policy, redis).getRemaining(id));
        if (attempt.ok) return verdict(policy, attempt.value.remaining > 0, attempt.value.remaining, attempt.value.reset);
      }
      const decision = local.peek(`${prefix}:${name}:${id}`, policy.limit, windowMs(policy.window));
      return verdict(policy, decision.success, decision.remaining, decision.reset);
    },
    async limit(name, identifier) {
      const policy = policyOf(name);
      const id = hashIdentifier(policy.by, identifier);
      if (redis) {
        const attempt = await guard.run(name, () => remoteFor(name, policy, redis).limit(id));
        if (attempt.ok) return verdict(policy, attempt.value.success, attempt.value.remaining, attempt.value.reset);
      }
      const decision = local.limit(`${prefix}:${name}:${id}`, policy.limit, windowMs(policy.window));
      return verdict(policy, decision.success, decision.remaining, decision.reset);
    },
  };
}
