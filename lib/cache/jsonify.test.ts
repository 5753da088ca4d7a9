import { describe, expectTypeOf, it } from "vitest";
import { createCache } from "./create-cache";
import type { Jsonify } from "./jsonify";

// Checked by `tsc --noEmit` (npm test runs it): the types must say what a JSON round trip really returns.
describe("cached value types", () => {
  it("turn Dates into strings and drop what JSON drops", () => {
    type Row = { id: string; createdAt: Date; deletedAt?: Date | null; tags: string[]; meta: { seen: Date }; fn: () => void };
    expectTypeOf<Jsonify<Row>>().toEqualTypeOf<{ id: string; createdAt: string; deletedAt?: string | null; tags: string[]; meta: { seen: string } }>();
    expectTypeOf<Jsonify<Array<number | undefined>>>().toEqualTypeOf<Array<number | null>>();
  });

  it("flow through getOrSet and get", async () => {
    const cache = createCache({ backend: "memory", namespace: "types", timeoutMs: 10 });
    const row = await cache.getOrSet("row", 1, async () => ({ at: new Date(0), n: 1 }));
    expectTypeOf(row).toEqualTypeOf<{ at: string; n: number }>();
    const maybe = await cache.getOrSet("maybe", 1, () => (Math.random() > 2 ? { n: 1 } : undefined));
    expectTypeOf(maybe).toEqualTypeOf<{ n: number } | undefined>();
    expectTypeOf(await cache.get<{ at: Date }>("row")).toEqualTypeOf<{ at: string } | undefined>();
  });
});
