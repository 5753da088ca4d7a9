import { connectionsByState, outboxBacklog, poolMaxPerProcess, webhookDeliveryCounts } from "@/db/queries/admin";
import type { Tx } from "@/db/tenant";
import { cache, cacheStats } from "@/lib/cache";

const DAY_MS = 86_400_000;

/** The database's share of /admin/system, read in the page's one system transaction. */
export async function databaseHealth(tx: Tx, now = new Date()) {
  const [outbox, deliveries, connections] = await Promise.all([outboxBacklog(tx), webhookDeliveryCounts(tx, new Date(now.getTime() - DAY_MS)), connectionsByState(tx)]);
  const count = (status: string) => deliveries.find((d) => d.status === status)?.n ?? 0;
  const finished = count("succeeded") + count("failed");
  return {
    outbox: { pending: outbox.pending, oldest: outbox.oldest, failing: outbox.failing, oldestAgeMs: outbox.oldest ? now.getTime() - new Date(outbox.oldest).getTime() : null },
    webhooks: {
      succeeded: count("succeeded"),
      failed: count("failed"),
      retrying: count("retrying"),
      pending: count("pending"),
      // Of the deliveries that reached an end in the last 24 hours, the share that gave up.
      failureRate: finished ? count("failed") / finished : null,
    },
    pool: { maxPerProcess: poolMaxPerProcess(), byState: [...connections].map((c) => ({ state: c.state ?? "unknown", n: Number(c.n) })) },
  };
}

/** The cache's share of /admin/system: which backend, whether it answers, and this process's hit rate. */
export async function cacheHealth() {
  const started = performance.now();
  const ping = await cache.ping().then(
    () => ({ ok: true as const, ms: Math.round(performance.now() - started) }),
    () => ({ ok: false as const, ms: null }),
  );
  return { backend: cache.backend, ping, ...cacheStats() };
}
