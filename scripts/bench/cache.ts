// npm run bench:cache - what a cache hit costs on each backend, and what single-flight saves in a stampede.
// Starts its own Upstash REST bridge in front of the local Redis (REDIS_URL, default 127.0.0.1:6379), writes only
// under a random namespace and deletes it afterwards.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { Redis as IORedis } from "ioredis";
import { createCache, createUpstashRedis, type Cache, type CacheStore } from "@/lib/cache";
import { createMemoryStore } from "@/lib/cache/memory-store";
import { createUpstashStore } from "@/lib/cache/upstash-store";
import { startRedisRestBridge } from "../redis-rest-bridge";
import { percentile, us } from "./stats";

const MEMORY_GETS = 5_000;
const BRIDGE_GETS = 2_000;
const WARMUP = 200;
const STAMPEDE = 200;
const LOADER_MS = 50;

// About what a session or an entitlement record weighs.
const PAYLOAD = {
  user: { id: "7f9c2e4a-1b3d-4c5e-8f6a-9b0c1d2e3f4a", email: "owner@acme.test", name: "Ada Owner" },
  org: { id: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", slug: "acme", role: "owner" },
  plan: { id: "pro", seats: 10, features: ["sso", "audit-log", "webhooks"] },
  expiresAt: "2030-01-01T00:00:00.000Z",
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timeEach(iterations: number, op: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await op();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    const value = await op();
    samples.push(performance.now() - started);
    if (value === undefined) throw new Error("bench: expected a cache hit and got a miss");
  }
  return samples;
}

async function stampede(cache: Cache, key: string) {
  let loads = 0;
  const loader = async () => {
    loads++;
    await sleep(LOADER_MS);
    return PAYLOAD;
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: STAMPEDE }, () => cache.getOrSet(key, 60, loader)));
  return { loads, ms: performance.now() - started };
}

/** Runs the cache benchmark and returns the lines of its results table. */
export async function benchCache(): Promise<string[]> {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const token = `bench-${randomUUID()}`;
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  const bridge = await startRedisRestBridge({ redisUrl, token, port: 0 });
  const direct = new IORedis(redisUrl, { protocol: 2, lazyConnect: true });
  let warnings = 0;
  const log = { warn: () => void warnings++ };
  try {
    const stores: Record<"memory" | "bridge", CacheStore> = {
      memory: createMemoryStore(),
      bridge: createUpstashStore(createUpstashRedis({ url: bridge.url, token, timeoutMs: 2_000 })),
    };
    const build = (store: CacheStore, singleFlight = true) => createCache({ backend: store, namespace, timeoutMs: 2_000, log, singleFlight });
    const lines = [
      `bench:cache - ${MEMORY_GETS} in-process / ${BRIDGE_GETS} bridge sequential hits of a ${JSON.stringify(PAYLOAD).length}-byte value; bridge = @upstash/redis -> REST bridge -> Redis on ${redisUrl.replace(/\/\/[^@]*@/, "//***@")}`,
      "",
      "hit latency                      median       p99",
    ];
    for (const [name, store] of Object.entries(stores)) {
      const cache = build(store);
      const iterations = name === "memory" ? MEMORY_GETS : BRIDGE_GETS;
      await cache.set("hit", PAYLOAD, 300);
      await cache.getOrSet("tagged", 300, () => PAYLOAD, { tags: ["org:acme"] });
      const rows: Array<[string, number[]]> = [
        [`${name} get`, await timeEach(iterations, () => cache.get("hit"))],
        [`${name} getOrSet, 1 tag`, await timeEach(iterations, () => cache.getOrSet("tagged", 300, () => PAYLOAD, { tags: ["org:acme"] }))],
      ];
      for (const [label, samples] of rows) {
        lines.push(`${label.padEnd(32)} ${us(percentile(samples, 50)).padEnd(12)} ${us(percentile(samples, 99))}`);
      }
    }

    lines.push("", `stampede: ${STAMPEDE} concurrent getOrSet of one cold key, loader takes ${LOADER_MS} ms`);
    lines.push("backend  single-flight  loader calls  total");
    for (const [name, store] of Object.entries(stores)) {
      for (const singleFlight of [true, false]) {
        const { loads, ms } = await stampede(build(store, singleFlight), `stampede-${name}-${singleFlight}`);
        lines.push(`${name.padEnd(8)} ${(singleFlight ? "on" : "off").padEnd(14)} ${String(loads).padEnd(13)} ${ms.toFixed(1)} ms`);
      }
    }
    if (warnings > 0) lines.push("", `WARNING: ${warnings} backend failures were logged during the run; the numbers above include fail-open paths`);
    return lines;
  } finally {
    // Leave nothing behind: every key of the run's namespace (entries and tag counters).
    await direct.connect();
    let cursor = "0";
    do {
      const [next, keys] = await direct.scan(cursor, "MATCH", `keel:${namespace}*`, "COUNT", 500);
      if (keys.length > 0) await direct.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    await direct.quit();
    await bridge.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log((await benchCache()).join("\n"));
  } catch (err) {
    console.error(`bench:cache: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
