// With Upstash configured but unreachable, a signed-in request still succeeds: sessions, memberships and the page's
// data come from Postgres, and the cache only costs its deadline.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { closeDatabase } from "@/db/client";
import { projects } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { freePort } from "@/test/serve-route-handlers";

// Nothing listens on this port: Redis is "down" for the whole file.
stubEnv("UPSTASH_REDIS_REST_URL", `http://127.0.0.1:${await freePort()}`);
stubEnv("UPSTASH_REDIS_REST_TOKEN", "dead-redis-token");
stubEnv("CACHE_TIMEOUT_MS", "100");
delete (globalThis as { __keelCacheBackend?: unknown }).__keelCacheBackend;
const { cache } = await import("@/lib/cache");
const { GET } = await import("@/app/api/v1/orgs/[orgSlug]/projects/route");

afterAll(async () => {
  await closeDatabase();
  unstubAllEnvs();
});

describe("a request while Redis is down", () => {
  it("is served from the database", async () => {
    expect(cache.backend).toBe("upstash");
    const { org, user } = await createOrgWithOwner("dead-redis");
    await withSystem("test: project", (tx) => tx.insert(projects).values({ orgId: org.id, name: "Still here" }));
    const token = randomBytes(24).toString("base64url");
    await createSession(user.id, { token });

    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const response = await GET(new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, { headers: { cookie: `keel.session=${token}` } }), {
        params: Promise.resolve({ orgSlug: org.slug }),
      });
      expect(response.status).toBe(200);
      expect(JSON.stringify(await response.json())).toContain("Still here");
      // Bounded by the cache deadline (a hung Redis would hang the request without it); generous for slow machines.
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    await expect(cache.ping()).rejects.toThrow();
  });
});
