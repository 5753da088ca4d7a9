/** One decision of a sliding window: allowed or not, what is left, and when the current window ends (ms epoch). */
export interface WindowDecision {
  success: boolean;
  remaining: number;
  reset: number;
}

/** Bounds and clock of the in-process limiter. */
export interface MemorySlidingWindowOptions {
  /** Most window counters kept; the oldest go first, which forgets usage (fails open) rather than growing. Default 10 000. */
  maxCounters?: number;
  now?: () => number;
}

/**
 * The in-process twin of @upstash/ratelimit's single-region sliding window (its Lua script, step for step): a
 * request is refused when the current window's count plus the previous window's count, weighted by how much of
 * the previous window still overlaps, has reached the limit; refused requests are not counted.
 */
export function createMemorySlidingWindow(options: MemorySlidingWindowOptions = {}) {
  const maxCounters = options.maxCounters ?? 10_000;
  const now = options.now ?? Date.now;
  const counters = new Map<string, { count: number; expiresAt: number }>();

  const count = (key: string, at: number) => {
    const counter = counters.get(key);
    if (counter && counter.expiresAt <= at) counters.delete(key);
    return counter && counter.expiresAt > at ? counter.count : 0;
  };

  const usage = (key: string, windowMs: number) => {
    const at = now();
    const current = Math.floor(at / windowMs);
    const previous = Math.floor((1 - (at % windowMs) / windowMs) * count(`${key}:${current - 1}`, at));
    return { at, currentKey: `${key}:${current}`, previous, used: count(`${key}:${current}`, at), reset: (current + 1) * windowMs };
  };

  return {
    /** What `limit` would decide, without counting anything. */
    peek(key: string, limit: number, windowMs: number): WindowDecision {
      const { previous, used, reset } = usage(key, windowMs);
      return { success: previous + used < limit, remaining: Math.max(0, limit - (used + previous)), reset };
    },

    limit(key: string, limit: number, windowMs: number): WindowDecision {
      const { at, currentKey, previous, used, reset } = usage(key, windowMs);
      if (previous + used >= limit) return { success: false, remaining: 0, reset };

      const counter = counters.get(currentKey);
      if (counter) counter.count = used + 1;
      // Same lifetime as the Lua script gives its key: long enough to serve as the next window's "previous".
      else counters.set(currentKey, { count: 1, expiresAt: at + windowMs * 2 + 1_000 });
      while (counters.size > maxCounters) {
        const oldest = counters.keys().next();
        if (oldest.done) break;
        counters.delete(oldest.value);
      }
      return { success: true, remaining: Math.max(0, limit - (used + 1 + previous)), reset };
    },
  };
}
