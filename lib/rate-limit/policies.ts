import type { Duration } from "@upstash/ratelimit";

/** What a policy counts: it decides how the identifier is normalised before it is hashed. */
export type RateLimitSubject = "ip" | "email" | "apiKey" | "user";

/** One rate limit: at most `limit` requests per sliding `window` for each identifier of kind `by`. */
export interface RateLimitPolicy {
  limit: number;
  /** Upstash's duration syntax: "30 s", "10 m", "1 h", "1 d". */
  window: Duration;
  by: RateLimitSubject;
}

/**
 * Every rate limit in Keel, in one place. All are sliding windows (a weighted mix of the current and the previous
 * fixed window), so a burst at a window's edge cannot double the budget. Numbers are per identifier:
 *
 * | policy          | per      | budget       | why |
 * |-----------------|----------|--------------|-----|
 * | signIn          | IP       | 10 / 10 min  | an office behind one NAT still signs in; a credential stuffer on one IP gets one guess a minute |
 * | signInEmail     | email    | 5 / 10 min   | guessing one account's password from many IPs is capped at 30 an hour; a person who forgot it is slowed, not locked out for long |
 * | signUp          | IP       | 5 / 1 h      | a family or a classroom can sign up; a script cannot mint accounts |
 * | passwordReset   | email    | 3 / 1 h      | each sends an email: nobody's inbox can be flooded through Keel |
 * | magicLink       | email    | 5 / 15 min   | each sends an email, but a person waiting for one retries more than for a reset |
 * | emailRequestsIp | IP       | 20 / 1 h     | every request that makes Keel send an email (reset, magic link, verification), so one IP cannot spray many addresses |
 * | api             | API key  | 600 / 1 min  | 10 requests a second on average, bursts allowed within the minute |
 */
export const policies = {
  signIn: { limit: 10, window: "10 m", by: "ip" },
  signInEmail: { limit: 5, window: "10 m", by: "email" },
  signUp: { limit: 5, window: "1 h", by: "ip" },
  passwordReset: { limit: 3, window: "1 h", by: "email" },
  magicLink: { limit: 5, window: "15 m", by: "email" },
  emailRequestsIp: { limit: 20, window: "1 h", by: "ip" },
  api: { limit: 600, window: "1 m", by: "apiKey" },
} as const satisfies Record<string, RateLimitPolicy>;

/** The name of a policy in the table. */
export type PolicyName = keyof typeof policies;

const UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** A policy window in milliseconds, parsed exactly as @upstash/ratelimit parses it. */
export function windowMs(window: Duration): number {
  const match = /^(\d+(?:\.\d+)?)\s?(ms|s|m|h|d|w)$/.exec(window);
  const ms = match ? Math.round(Number(match[1]) * UNITS[match[2] as keyof typeof UNITS]) : 0;
  if (ms < 1) throw new TypeError(`unknown rate-limit window "${window}"`);
  return ms;
}
