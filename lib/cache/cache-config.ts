/** What the process-wide cache and rate limiter are built from, read from the environment once. */
export interface CacheConfig {
  namespace: string;
  timeoutMs: number;
  /** Set when both Upstash variables are; otherwise the in-process store is used. */
  upstash?: { url: string; token: string };
  /** Configuration that was ignored, to be logged once by whoever builds the backend. */
  problems: string[];
}

/** Namespaces become part of every key: letters, digits, `.`, `_` and `-` keep `keel:<namespace>:` unambiguous. */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Per backend call, unless CACHE_TIMEOUT_MS says otherwise. Upstash answers in single-digit ms in-region. */
export const DEFAULT_TIMEOUT_MS = 150;

/**
 * Reads UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN, CACHE_NAMESPACE and CACHE_TIMEOUT_MS. Never throws: a bad
 * value falls back to the default and is reported in `problems`, because a typo in an optional setting must not
 * take every page down.
 */
export function readCacheConfig(env: Record<string, string | undefined> = process.env): CacheConfig {
  const problems: string[] = [];

  // One default per environment, so `next dev` and a test run on the same Redis never read each other's entries.
  let namespace = env.CACHE_NAMESPACE?.trim() || env.NODE_ENV || "development";
  if (!NAMESPACE_PATTERN.test(namespace)) {
    problems.push("CACHE_NAMESPACE may only hold letters, digits, '.', '_' and '-' (up to 64); using a cleaned-up one");
    namespace = namespace.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 64) || "development";
  }

  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (env.CACHE_TIMEOUT_MS) {
    const parsed = Number(env.CACHE_TIMEOUT_MS);
    if (Number.isInteger(parsed) && parsed >= 1 && parsed <= 10_000) timeoutMs = parsed;
    else problems.push(`CACHE_TIMEOUT_MS must be a whole number of ms from 1 to 10000; using ${DEFAULT_TIMEOUT_MS}`);
  }

  const url = env.UPSTASH_REDIS_REST_URL?.trim();
  const token = env.UPSTASH_REDIS_REST_TOKEN?.trim();
  if (url && token) return { namespace, timeoutMs, upstash: { url, token }, problems };
  if (url || token) problems.push("only one of UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN is set; using the in-process store");
  return { namespace, timeoutMs, problems };
}
