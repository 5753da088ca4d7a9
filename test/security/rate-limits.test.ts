import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/client-ip";
import { AppError } from "@/lib/errors";
import { runWithPeer } from "@/lib/request-peer";
import { seedDemoData } from "@/scripts/seed";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { codeOf, submit } from "@/test/next-request";

// Hole 4 of issue 12: the client IP was the first X-Forwarded-For entry, so any client picked its own (the sign-in
// limit was bypassed with `X-Forwarded-For: 203.0.113.77`), and successful sign-ins spent an office's shared budget.

// The headers of each request the action sees; the test changes them between requests.
const requestHeaders = { current: new Headers() };
vi.mock("next/headers", async () => ({
  ...(await import("@/test/next-request")).nextHeaders,
  headers: async () => requestHeaders.current,
}));
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const { signInAction } = await import("@/app/(auth)/actions");

const peer = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const failure = (promise: Promise<unknown>) => promise.then(() => "ok", (err: unknown) => (err instanceof AppError ? err.code : String(err)));

beforeAll(seedDemoData);
afterEach(unstubAllEnvs);
afterAll(closeDatabase);

describe("the client IP", () => {
  it("ignores X-Forwarded-For and X-Real-IP without TRUSTED_PROXY: a spoofed header does not reset the sign-in limit", async () => {
    const attacker = peer();
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) {
      // A new made-up address each time, and a new account, as a credential stuffer would send.
      requestHeaders.current = new Headers({ "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` });
      codes.push(codeOf(await runWithPeer(attacker, () => submit(signInAction, { email: `stuffed-${randomUUID()}@example.test`, password: "guess-1234" }))));
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill("unauthorized"));
    expect(codes[20]).toBe("rate_limited");
  });

  it("believes forwarded headers only as TRUSTED_PROXY says", () => {
    const spoofed = new Headers({ "x-forwarded-for": "203.0.113.77, 198.51.100.9", "x-real-ip": "192.0.2.44" });
    expect(clientIp(spoofed, "none", "10.0.0.5")).toBe("10.0.0.5");
    // One load balancer: it appended the address it saw; what the client wrote before that is ignored.
    expect(clientIp(spoofed, 1, "10.0.0.5")).toBe("198.51.100.9");
    expect(clientIp(spoofed, 2, "10.0.0.5")).toBe("203.0.113.77");
    // More hops configured than present: the request did not come through them all.
    expect(clientIp(spoofed, 3, "10.0.0.5")).toBe("10.0.0.5");
    expect(clientIp(spoofed, "vercel", "10.0.0.5")).toBe("192.0.2.44");
    expect(clientIp(new Headers({ "x-forwarded-for": "not-an-ip" }), 1, "10.0.0.5")).toBe("10.0.0.5");
    expect(clientIp(new Headers(), "none", undefined)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY from the environment", () => {
    stubEnv("TRUSTED_PROXY", "1");
    expect(runWithPeer("10.0.0.5", () => clientIp(new Headers({ "x-forwarded-for": "203.0.113.77" })))).toBe("203.0.113.77");
    stubEnv("TRUSTED_PROXY", "");
    expect(runWithPeer("10.0.0.5", () => clientIp(new Headers({ "x-forwarded-for": "203.0.113.77" })))).toBe("10.0.0.5");
  });
});

describe("password sign-in limits", () => {
  it("never count successful sign-ins: an office behind one IP signs in all day", async () => {
    const office = { ip: peer(), origin: "http://localhost:3000" };
    for (let i = 0; i < 40; i++) {
      const email = ["owner@acme.test", "member@acme.test", "owner@globex.test"][i % 3]!;
      expect(await failure(signInWithPassword({ email, password: "keel-demo-password" }, office))).toBe("ok");
    }
  });

  it("slow down one account after its failures without locking out the other accounts on that IP", async () => {
    const office = { ip: peer(), origin: "http://localhost:3000" };
    for (let i = 0; i < 5; i++) expect(await failure(signInWithPassword({ email: "member@acme.test", password: "wrong password" }, office))).toBe("unauthorized");
    const blocked = await signInWithPassword({ email: "member@acme.test", password: "keel-demo-password" }, office).catch((err: AppError) => err);
    expect(blocked).toBeInstanceOf(AppError);
    expect((blocked as AppError).code).toBe("rate_limited");
    // A delay, not a lock: the first tier is a minute.
    expect((blocked as AppError).options.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await failure(signInWithPassword({ email: "owner@globex.test", password: "keel-demo-password" }, office))).toBe("ok");
  });
});
