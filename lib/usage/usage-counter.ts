import type { Redis } from "@upstash/redis";
import { inTransaction } from "@/db/tenant";
import { createFailOpen, processBackend } from "@/lib/cache";
import { log } from "@/lib/log";

/** Counts metered requests per organization and UTC day (and month, for the allowance) in Redis, never in Postgres. */
export interface UsageCounter {
  /** Adds one request of `orgId` at `now`; returns the month's total so far, or null when the counter is unreachable. */
  increment(orgId: string, now: Date): Promise<number | null>;
  /** Every organization counted on `day` (YYYY-MM-DD) with its day total. */
  readDay(day: string): Promise<{ orgId: string; count: number }[]>;
}

// Counters outlive the month they count; the dirty set of a day lives long enough for late flushes.
const COUNTER_TTL_SECONDS = 40 * 86_400;
const DIRTY_TTL_SECONDS = 3 * 86_400;

/** "2026-12-07" for a date, in UTC. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** A Redis counter (Upstash) under `prefix`: INCR per org and day and per org and month, one pipelined round trip. */
export function createRedisUsageCounter(redis: Redis, prefix: string, timeoutMs: number): UsageCounter {
  const guard = createFailOpen({ component: "usage", backend: "upstash", timeoutMs, log });
  const dayKey = (orgId: string, day: string) => `${prefix}:api:${orgId}:${day}`;
  const monthKey = (orgId: string, day: string) => `${prefix}:api:${orgId}:${day.slice(0, 7)}`;
  const dirtyKey = (day: string) => `${prefix}:api-orgs:${day}`;
  return {
    async increment(orgId, now) {
      const day = utcDay(now);
      const attempt = await guard.run("increment", async () => {
        const p = redis.pipeline();
        p.incr(dayKey(orgId, day));
        p.expire(dayKey(orgId, day), COUNTER_TTL_SECONDS);
        p.incr(monthKey(orgId, day));
        p.expire(monthKey(orgId, day), COUNTER_TTL_SECONDS);
        p.sadd(dirtyKey(day), orgId);
        p.expire(dirtyKey(day), DIRTY_TTL_SECONDS);
        const results = await p.exec<[number, number, number, number, number, number]>();
        return Number(results[2]);
      });
      return attempt.ok ? attempt.value : null;
    },
    async readDay(day) {
      const orgIds = await redis.smembers<string[]>(dirtyKey(day));
      if (!orgIds.length) return [];
      const counts = await redis.mget<(number | string | null)[]>(...orgIds.map((id) => dayKey(id, day)));
      return orgIds.map((orgId, i) => ({ orgId, count: Number(counts[i] ?? 0) }));
    },
  };
}

/** An in-process counter (no Redis configured: development and a single process). */
export function createMemoryUsageCounter(): UsageCounter {
  const counts = new Map<string, number>();
  const days = new Map<string, Set<string>>();
  const bump = (key: string) => {
    const next = (counts.get(key) ?? 0) + 1;
    counts.set(key, next);
    return next;
  };
  return {
    async increment(orgId, now) {
      const day = utcDay(now);
      bump(`${orgId}:${day}`);
      if (!days.has(day)) days.set(day, new Set());
      days.get(day)!.add(orgId);
      return bump(`${orgId}:${day.slice(0, 7)}`);
    },
    async readDay(day) {
      return [...(days.get(day) ?? [])].map((orgId) => ({ orgId, count: counts.get(`${orgId}:${day}`) ?? 0 }));
    },
  };
}

const holder = globalThis as typeof globalThis & { __keelUsageCounter?: UsageCounter };

/** The process's usage counter: on the cache's Redis when there is one, in this process otherwise. */
export function usageCounter(): UsageCounter {
  if (inTransaction()) throw new Error("usage counting inside a database transaction: count before the transaction");
  if (!holder.__keelUsageCounter) {
    const { redis, config } = processBackend();
    holder.__keelUsageCounter = redis ? createRedisUsageCounter(redis, `keel:${config.namespace}#usage`, config.timeoutMs) : createMemoryUsageCounter();
  }
  return holder.__keelUsageCounter;
}
