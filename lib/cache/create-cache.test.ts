import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupRedisBridge } from "@/test/redis-bridge";
import type { CacheStore } from "./cache-store";
import { createCache, type Cache } from "./create-cache";
import { createMemoryStore } from "./memory-store";
import { createUpstashRedis } from "./upstash-client";
import { createUpstashStore } from "./upstash-store";

// The real @upstash/redis client, through the bridge, against the real Redis on db 0. Every test writes only
// under its own random namespace and deletes it afterwards.
const bridge = setupRedisBridge();
const deleteKeys = bridge.deleteKeys;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Deadlines far beyond any stall of a loaded machine: these tests are about behaviour, and a deadline that fires
// would turn into a fail-open warning (checked after each test). The fail-open tests are about deadlines.
const TIMEOUT_MS = 60_000;

/** A promise settled from outside, so a test decides when a loader finishes instead of guessing with sleeps. */
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => ((open = resolve), (fail = reject)));
  // Failed before anyone awaits it is not an unhandled rejection: the loader hands it on later.
  promise.catch(() => {});
  return { promise, open, fail };
}

const stores: Record<"memory" | "upstash", () => CacheStore> = {
  memory: () => createMemoryStore(),
  upstash: () => createUpstashStore(createUpstashRedis({ url: bridge.url, token: bridge.token, timeoutMs: TIMEOUT_MS })),
};

describe.each(["memory", "upstash"] as const)("cache on the %s backend", (backend) => {
  let namespace: string;
  let store: CacheStore;
  let cache: Cache;
  const warn = vi.fn();
  const build = (options: { singleFlight?: boolean; namespace?: string } = {}) =>
    createCache({ backend: store, namespace: options.namespace ?? namespace, timeoutMs: TIMEOUT_MS, log: { warn }, singleFlight: options.singleFlight });

  beforeEach(() => {
    namespace = `test-${randomUUID().slice(0, 8)}`;
    store = stores[backend]();
    cache = build();
    warn.mockClear();
  });

  afterEach(async () => {
    await deleteKeys(`keel:${namespace}*`);
    // Nothing in these tests should have needed the fail-open path.
    expect(warn).not.toHaveBeenCalled();
  });

  it("gets what was set; a deleted or never-set key is a miss", async () => {
    expect(cache.backend).toBe(backend);
    expect(await cache.set("user:1", { name: "Ada", roles: ["owner"] }, 60)).toBe(true);
    expect(await cache.get("user:1")).toEqual({ name: "Ada", roles: ["owner"] });
    expect(await cache.get("user:2")).toBeUndefined();
    expect(await cache.del("user:1")).toBe(true);
    expect(await cache.get("user:1")).toBeUndefined();
  });

  it("keeps namespaces apart on one store", async () => {
    const other = build({ namespace: `${namespace}-other` });
    await cache.set("plan", "pro", 60);
    await other.set("plan", "free", 60);
    expect(await cache.get("plan")).toBe("pro");
    expect(await other.get("plan")).toBe("free");
    if (backend === "upstash") {
      expect(await bridge.direct.exists(`keel:${namespace}:plan`, `keel:${namespace}-other:plan`)).toBe(2);
      // The TTL reached Redis.
      expect(await bridge.direct.ttl(`keel:${namespace}:plan`)).toBeGreaterThan(55);
    }
  });

  it("hands back the JSON round trip, on a miss exactly as on a hit", async () => {
    const value = { at: new Date(0), n: 1.5, nothing: null, gone: undefined, list: [1, "two"], nested: { ok: true } };
    const loader = vi.fn(async () => value);
    const miss = await cache.getOrSet("shape", 60, loader);
    const hit = await cache.getOrSet("shape", 60, loader);
    expect(loader).toHaveBeenCalledTimes(1);
    const roundTrip = { at: "1970-01-01T00:00:00.000Z", n: 1.5, nothing: null, list: [1, "two"], nested: { ok: true } };
    expect(miss).toStrictEqual(roundTrip);
    expect(hit).toStrictEqual(roundTrip);
    // Strings that look like JSON numbers stay strings.
    await cache.set("digits", "123", 60);
    expect(await cache.get("digits")).toBe("123");
  });

  it("caches null but not undefined", async () => {
    const nullLoader = vi.fn(() => null);
    const undefinedLoader = vi.fn(() => undefined);
    for (let i = 0; i < 2; i++) {
      expect(await cache.getOrSet("null", 60, nullLoader)).toBeNull();
      expect(await cache.getOrSet("undefined", 60, undefinedLoader)).toBeUndefined();
    }
    expect(nullLoader).toHaveBeenCalledTimes(1);
    expect(undefinedLoader).toHaveBeenCalledTimes(2);
  });

  it("expires entries after their TTL", async () => {
    const loader = vi.fn(() => "loaded");
    if (backend === "memory") {
      // The in-process store reads the clock: move it instead of waiting, so a stalled machine cannot expire early.
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        await cache.set("short", "v", 1);
        expect(await cache.getOrSet("short-loaded", 1, loader)).toBe("loaded");
        vi.advanceTimersByTime(999);
        expect(await cache.get("short")).toBe("v");
        expect(await cache.getOrSet("short-loaded", 1, loader)).toBe("loaded");
        expect(loader).toHaveBeenCalledTimes(1);
        vi.advanceTimersByTime(2);
        expect(await cache.get("short")).toBeUndefined();
        expect(await cache.getOrSet("short-loaded", 1, loader)).toBe("loaded");
      } finally {
        vi.useRealTimers();
      }
    } else {
      // Redis keeps the time: the TTL must have reached it, and the entry must be gone once it has passed.
      await cache.set("short", "v", 1);
      expect(await cache.getOrSet("short-loaded", 1, loader)).toBe("loaded");
      for (const key of ["short", "short-loaded"]) {
        const ttl = await bridge.direct.pttl(`keel:${namespace}:${key}`);
        expect(ttl === -2 || (ttl > 0 && ttl <= 1_000), `${key}: pttl ${ttl}`).toBe(true);
      }
      await sleep(1_100);
      expect(await cache.get("short")).toBeUndefined();
      expect(await cache.getOrSet("short-loaded", 1, loader)).toBe("loaded");
    }
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it("invalidating a tag turns exactly its entries into misses", async () => {
    const loads: string[] = [];
    const load = (key: string, tags: string[]) => cache.getOrSet(key, 60, () => (loads.push(key), key), { tags });
    await load("a", ["org:1"]);
    await load("b", ["org:1", "org:2"]);
    await load("c", ["org:2"]);
    await load("d", []);
    await cache.set("e", "e", 60, { tags: ["org:1"] });
    expect(await cache.get("a")).toBe("a");
    expect(await cache.get("e")).toBe("e");

    expect(await cache.invalidateTag("org:1")).toBe(true);
    expect(await cache.get("a")).toBeUndefined();
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("e")).toBeUndefined();
    expect(await cache.get("c")).toBe("c");
    expect(await cache.get("d")).toBe("d");

    // Reloaded once, then served from the cache again under the new version.
    for (let i = 0; i < 2; i++) await Promise.all([load("a", ["org:1"]), load("b", ["org:1", "org:2"]), load("c", ["org:2"])]);
    expect(loads.sort()).toEqual(["a", "a", "b", "b", "c", "d"]);
  });

  it("does not serve a value loaded while its tag was being invalidated", async () => {
    const value = await cache.getOrSet(
      "racing",
      60,
      async () => {
        // A write to the source and its invalidation land while the old value is still being read.
        await cache.invalidateTag("projects");
        return "old";
      },
      { tags: ["projects"] },
    );
    expect(value).toBe("old");
    expect(await cache.get("racing")).toBeUndefined();
  });

  it("treats a tag counter that disappeared (evicted) as invalidation, never as a reset", async () => {
    await cache.set("entry", "stale-risk", 60, { tags: ["org:9"] });
    await store.del(`keel:${namespace}#tag:org:9`);
    expect(await cache.get("entry")).toBeUndefined();
    expect(await cache.getOrSet("entry", 60, () => "fresh", { tags: ["org:9"] })).toBe("fresh");
    expect(await cache.get("entry")).toBe("fresh");
  });

  it("collapses 100 concurrent misses of one key into one loader call", async () => {
    const release = gate<{ rows: number }>();
    const loader = vi.fn(() => release.promise);
    const pending = Promise.all(Array.from({ length: 100 }, () => cache.getOrSet("stampede", 60, loader, { tags: ["t"] })));
    // All 100 callers have asked (getOrSet joins a flight before its first await); the loader is still running.
    release.open({ rows: 42 });
    expect(await pending).toEqual(Array.from({ length: 100 }, () => ({ rows: 42 })));
    expect(loader).toHaveBeenCalledTimes(1);

    // The same stampede without single-flight: every caller loads. This is what the feature prevents. The loaders
    // are held until all of them have started, so no caller can find the value another one already stored.
    const unguarded = build({ singleFlight: false });
    const callers = 10;
    const held = gate<number>();
    const loader2 = vi.fn(() => {
      if (loader2.mock.calls.length === callers) held.open(1);
      return held.promise;
    });
    await Promise.all(Array.from({ length: callers }, () => unguarded.getOrSet("stampede-2", 60, loader2)));
    expect(loader2).toHaveBeenCalledTimes(callers);
  });

  it("hands a loader error to every waiter and does not cache it", async () => {
    const failing = gate<never>();
    let calls = 0;
    const loader = () => (++calls === 1 ? failing.promise : Promise.resolve("recovered"));
    const outcomes = Promise.allSettled(Array.from({ length: 10 }, () => cache.getOrSet("flaky", 60, loader)));
    // Rejected only after all ten have joined the flight.
    failing.fail(new Error("database is down"));
    const settled = await outcomes;
    expect(calls).toBe(1);
    expect(settled.every((o) => o.status === "rejected" && (o.reason as Error).message === "database is down")).toBe(true);
    expect(await cache.get("flaky")).toBeUndefined();
    expect(await cache.getOrSet("flaky", 60, loader)).toBe("recovered");
    expect(calls).toBe(2);
  });

  it("answers ping with its backend", async () => {
    await expect(cache.ping()).resolves.toEqual({ ok: true, backend });
  });

  it("refuses a non-positive TTL and an empty key: those are bugs, not outages", async () => {
    await expect(cache.set("k", 1, 0)).rejects.toThrow(RangeError);
    await expect(cache.getOrSet("", 60, () => 1)).rejects.toThrow(TypeError);
  });
});

describe("cache on the upstash backend, on the wire", () => {
  it("invalidates a tag with a single INCR and no scan", async () => {
    const namespace = `test-${randomUUID().slice(0, 8)}`;
    const cache = createCache({ backend: createUpstashRedis({ url: bridge.url, token: bridge.token, timeoutMs: TIMEOUT_MS }), namespace, timeoutMs: TIMEOUT_MS });
    try {
      await cache.set("x", 1, 60, { tags: ["org:1"] });
      const fetchSpy = vi.spyOn(globalThis, "fetch");
      await cache.invalidateTag("org:1");
      const bodies = fetchSpy.mock.calls.map(([, init]) => String(init?.body));
      fetchSpy.mockRestore();
      expect(bodies).toHaveLength(1);
      expect(JSON.parse(bodies[0] ?? "null")).toEqual(expect.arrayContaining([["incr", `keel:${namespace}#tag:org:1`]]));
    } finally {
      await deleteKeys(`keel:${namespace}*`);
    }
  });
});
