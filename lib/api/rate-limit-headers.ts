import { rateLimit, type RateLimitResult } from "@/lib/rate-limit";
import { AppError } from "@/lib/errors";

/** The `RateLimit-*` headers of a verdict (IETF draft: limit, remaining, seconds until the window resets). */
export function rateLimitHeaders(result: RateLimitResult, now = Date.now()): Record<string, string> {
  return {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(Math.max(0, result.remaining)),
    "ratelimit-reset": String(Math.max(0, Math.ceil((result.resetAt.getTime() - now) / 1000))),
  };
}

/** Counts one API request of a caller (a key, or a browser session) against the `api` policy; its headers either way. */
export async function limitApiCaller(rateLimitId: string): Promise<{ headers: Record<string, string>; refusal?: AppError }> {
  const result = await rateLimit("api", rateLimitId);
  const headers = rateLimitHeaders(result);
  if (result.success) return { headers };
  return { headers, refusal: new AppError("rate_limited", "Too many requests. Slow down and retry after the time in Retry-After.", { retryAfterSeconds: result.retryAfterSeconds }) };
}
