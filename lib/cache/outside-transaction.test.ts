// A transaction waits on nothing but its own database: cache and rate-limit calls inside one are refused loudly,
// so the mistake is found by the first test that makes it, not by a slow request holding row locks in production.
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { withSystem, withTenant, withUser } from "@/db/tenant";
import { rateLimit } from "@/lib/rate-limit";
import { createOrgWithOwner } from "@/test/fixtures";
import { cache } from "./index";

afterAll(closeDatabase);

describe("cache and rate limits inside a transaction", () => {
  it("are refused in every door's transaction, and allowed before and after it", async () => {
    const { org, user } = await createOrgWithOwner("no-cache-in-tx");
    const doors = [
      (fn: () => Promise<unknown>) => withTenant({ orgId: org.id, userId: user.id }, fn),
      (fn: () => Promise<unknown>) => withUser(user.id, fn),
      (fn: () => Promise<unknown>) => withSystem("test: cache in a transaction", fn),
    ];
    for (const door of doors) {
      await expect(door(() => cache.getOrSet("in-tx", 60, () => 1))).rejects.toThrow(/cache call inside a database transaction/);
      await expect(door(() => cache.invalidateTag("in-tx"))).rejects.toThrow(/cache call inside a database transaction/);
      await expect(door(() => rateLimit("signIn", "in-tx"))).rejects.toThrow(/inside a database transaction/);
    }
    expect(await cache.getOrSet("in-tx", 60, () => 1)).toBe(1);
    expect((await rateLimit("signIn", `outside-${org.id}`)).success).toBe(true);
  });
});
