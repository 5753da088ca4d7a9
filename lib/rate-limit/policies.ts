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
 * | signIn          | IP       | 30 / 10 min  | Auth.js sign-in starts (magic link, OAuth): an office behind one NAT still gets through |
 * | signInEmail     | email    | 5 / 10 min   | changing a password: guesses of the current one are capped |
 *
 * Password sign-in counts only failures (a correct password never spends a budget: ten colleagues behind one NAT
 * signing in is not an attack), per account and per IP, in tiers that make the wait grow with the failures
 * instead of locking anyone out for long: the 6th wrong password on an account within a minute waits for that
 * minute to slide, the 11th within 15 minutes waits up to 15 minutes, the 21st within an hour up to an hour.
 *
 * | signInFailures1m / 15m / 1h     | email | 5 / 1 min, 10 / 15 min, 20 / 1 h  | online guessing of one password: at most 20 an hour from any number of IPs |
 * | signInFailuresIp10m / 1h        | IP    | 20 / 10 min, 60 / 1 h              | a credential stuffer on one IP; an office mistyping still signs in |
 * | signUp          | IP       | 5 / 1 h      | a family or a classroom can sign up; a script cannot mint accounts |
 * | passwordReset   | email    | 3 / 1 h      | each sends an email: nobody's inbox can be flooded through Keel |
 * | magicLink       | email    | 5 / 15 min   | each sends an email, but a person waiting for one retries more than for a reset |
 * | emailRequestsIp | IP       | 20 / 1 h     | every request that makes Keel send an email (reset, magic link, verification), so one IP cannot spray many addresses |
 * | emailChange     | user     | 3 / 1 h      | each mails a new address: a stolen session cannot spray addresses |
 * | twoFactor       | user     | 5 / 15 min   | six digits: at most 480 guesses a day, about one chance in 700 a day of hitting a code |
 * | api             | API key  | 600 / 1 min  | 10 requests a second on average, bursts allowed within the minute |
 */
export const policies = {
  signIn: { limit: 30, window: "10 m", by: "ip" },
  signInEmail: { limit: 5, window: "10 m", by: "email" },
  signInFailures1m: { limit: 5, window: "1 m", by: "email" },
  signInFailures15m: { limit: 10, window: "15 m", by: "email" },
  signInFailures1h: { limit: 20, window: "1 h", by: "email" },
  signInFailuresIp10m: { limit: 20, window: "10 m", by: "ip" },
  signInFailuresIp1h: { limit: 60, window: "1 h", by: "ip" },
  signUp: { limit: 5, window: "1 h", by: "ip" },
  passwordReset: { limit: 3, window: "1 h", by: "email" },
  magicLink: { limit: 5, window: "15 m", by: "email" },
  emailRequestsIp: { limit: 20, window: "1 h", by: "ip" },
  emailChange: { limit: 3, window: "1 h", by: "user" },
  twoFactor: { limit: 5, window: "15 m", by: "user" },
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
