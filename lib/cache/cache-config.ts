import { env, type Env } from "@/lib/env";

/** What the process-wide cache and rate limiter are built from. */
export interface CacheConfig {
  namespace: string;
  timeoutMs: number;
  /** Set when both Upstash variables are; otherwise the in-process store is used. */
  upstash?: { url: string; token: string };
}

/** Namespaces become part of every key: letters, digits, `.`, `_` and `-` keep `keel:<namespace>:` unambiguous. */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Per backend call, unless CACHE_TIMEOUT_MS says otherwise. Upstash answers in single-digit ms in-region. */
export const DEFAULT_TIMEOUT_MS = 150;

type CacheSettings = Pick<Env, "NODE_ENV" | "CACHE_NAMESPACE" | "CACHE_TIMEOUT_MS" | "UPSTASH_REDIS_REST_URL" | "UPSTASH_REDIS_REST_TOKEN">;

/** The cache's configuration from the settings (lib/env has checked each value, and that the Upstash pair is whole). */
export function readCacheConfig(settings: CacheSettings = env()): CacheConfig {
  // One default per environment, so `next dev` and a test run on the same Redis never read each other's entries.
  const namespace = settings.CACHE_NAMESPACE ?? settings.NODE_ENV;
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = settings;
  return { namespace, timeoutMs: settings.CACHE_TIMEOUT_MS, ...(url && token ? { upstash: { url, token } } : {}) };
}
