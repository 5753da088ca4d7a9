import { AppError } from "@/lib/errors";
import { peekRateLimit, rateLimit, type PolicyName } from "@/lib/rate-limit";

/** The one message of every auth rate limit: the same whether or not the account exists. */
export function tooManyAttempts(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError("rate_limited", `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
}

/** Counts one request against each `[policy, identifier]`; throws `rate_limited` if any budget is spent. */
export async function enforceRateLimits(...checks: [PolicyName, string][]): Promise<void> {
  const results = await Promise.all(checks.map(([policy, identifier]) => rateLimit(policy, identifier)));
  const blocked = results.filter((r) => !r.success);
  if (blocked.length) throw tooManyAttempts(Math.max(...blocked.map((r) => r.retryAfterSeconds)));
}

/** Throws `rate_limited` if any budget is already spent, without counting this request (budgets of failures). */
export async function checkRateLimits(...checks: [PolicyName, string][]): Promise<void> {
  const results = await Promise.all(checks.map(([policy, identifier]) => peekRateLimit(policy, identifier)));
  const blocked = results.filter((r) => !r.success);
  if (blocked.length) throw tooManyAttempts(Math.max(...blocked.map((r) => r.retryAfterSeconds)));
}

/** Counts one failure against each `[policy, identifier]` (never throws for a spent budget: the next check does). */
export async function countFailures(...checks: [PolicyName, string][]): Promise<void> {
  await Promise.all(checks.map(([policy, identifier]) => rateLimit(policy, identifier)));
}
