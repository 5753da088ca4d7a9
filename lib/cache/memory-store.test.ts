import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the in-process store", () => {
  it("never holds more than maxEntries, evicting the least recently used", async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    for (const key of ["a", "b", "c"]) await store.set(key, JSON.stringify(key), 60_000);
    await store.mget(["a"]);
    await store.set("d", '"d"', 60_000);
    expect(store.size).toBe(3);
    expect(await store.mget(["a", "b", "c", "d"])).toEqual(["a", null, "c", "d"]);
    for (let i = 0; i < 1_000; i++) await store.set(`k${i}`, "1", 60_000);
    expect(store.size).toBe(3);
  });

  it("bounds the total size of the values, not only their number", async () => {
    const store = createMemoryStore({ maxChars: 1_000 });
    const big = JSON.stringify("x".repeat(298));
    for (let i = 0; i < 10; i++) await store.set(`k${i}`, big, 60_000);
    expect(store.size).toBe(3);
    // A value larger than the whole budget is not stored, and does not flush the others.
    await store.set("huge", JSON.stringify("x".repeat(2_000)), 60_000);
    expect(await store.mget(["huge", "k9"])).toEqual([null, "x".repeat(298)]);
  });

  it("drops expired entries even when nobody reads them again", async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 5; i++) await store.set(`short${i}`, "1", 20);
    await sleep(30);
    await store.set("live", "1", 60_000);
    expect(store.size).toBe(1);
  });

  it("keeps counters without expiry and increments them like INCR", async () => {
    const store = createMemoryStore();
    expect(await store.ensureCounters(["t1", "t2"], 500)).toEqual([500, 500]);
    expect(await store.incr("t1")).toBe(501);
    expect(await store.ensureCounters(["t1", "t2"], 900)).toEqual([501, 500]);
    expect(await store.incr("fresh")).toBe(1);
  });
});
