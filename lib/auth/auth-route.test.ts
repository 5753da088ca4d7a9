import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { closeDatabase } from "@/db/client";
import { authRoutePost } from "./auth-route";

describe("POST /api/auth/signin/*", () => {
  // The test plays a load balancer that names each client in X-Forwarded-For.
  beforeAll(() => stubEnv("TRUSTED_PROXY", "1"));
  afterAll(async () => {
    unstubAllEnvs();
    await closeDatabase();
  });

  it("answers 429 with Retry-After once an IP has spent its sign-in budget", async () => {
    const ip = `172.16.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const post = () =>
      authRoutePost(
        new Request("http://localhost:3000/api/auth/signin/email", {
          method: "POST",
          headers: { "x-forwarded-for": ip, "content-type": "application/x-www-form-urlencoded" },
          body: "email=someone%40example.test",
        }),
      );
    for (let i = 0; i < 30; i++) expect((await post()).status).not.toBe(429);
    const blocked = await post();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await blocked.json()).error.code).toBe("rate_limited");
  });
});
