import { desc, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { onAppOrigin } from "@/lib/auth/auth";
import { seedDemoData } from "@/scripts/seed";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { submit } from "@/test/next-request";
import { productionSettings, startServerWith } from "./production";

// Hole 5 of issue 12: without AUTH_URL, reset, verification and invitation links took their origin from the
// request's Host / X-Forwarded-Host, so an attacker asking for a victim's reset link chose where it pointed.

const poisoned = new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "user-agent": "vitest" });
vi.mock("next/headers", async () => ({ ...(await import("@/test/next-request")).nextHeaders, headers: async () => poisoned }));
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const { forgotPasswordAction, signUpAction } = await import("@/app/(auth)/actions");

/** The link in the newest email queued to `to`. */
async function linkTo(to: string): Promise<string> {
  const [row] = await withSystem("test: read outbox", (tx) =>
    tx.select().from(outboxEvents).where(sql`${outboxEvents.data}->'email'->>'to' = ${to}`).orderBy(desc(outboxEvents.createdAt)).limit(1),
  );
  const props = (row?.data as { email: { props: { url?: string; action?: { url: string } } } } | undefined)?.email.props;
  return String(props?.url ?? props?.action?.url);
}

beforeAll(seedDemoData);
afterEach(unstubAllEnvs);
afterAll(closeDatabase);

describe("links in emails", () => {
  it("never take their origin from Host or X-Forwarded-Host", async () => {
    stubEnv("AUTH_URL", "https://app.example.com");
    await submit(forgotPasswordAction, { email: "owner@acme.test" });
    expect(await linkTo("owner@acme.test")).toMatch(/^https:\/\/app\.example\.com\/reset-password\?token=/);

    const address = `poisoned-${Date.now()}@example.test`;
    await submit(signUpAction, { name: "Poe", email: address, password: "a long enough password" });
    expect(await linkTo(address)).toMatch(/^https:\/\/app\.example\.com\/verify-email\?token=/);
  });

  it("use localhost in development without AUTH_URL, still not the Host header", async () => {
    stubEnv("AUTH_URL", "");
    stubEnv("PORT", "3210");
    await submit(forgotPasswordAction, { email: "member@acme.test" });
    expect(await linkTo("member@acme.test")).toMatch(/^http:\/\/localhost:3210\/reset-password\?token=/);
  });

  it("move Auth.js magic links (which follow the request's host without AUTH_URL) onto the app's origin", () => {
    stubEnv("AUTH_URL", "");
    stubEnv("VERCEL_PROJECT_PRODUCTION_URL", "keel-demo.vercel.app");
    const link = onAppOrigin("https://evil.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Fevil.example%2Facme%2Fprojects&token=abc&email=a%40b.test");
    const url = new URL(link);
    expect(url.origin).toBe("https://keel-demo.vercel.app");
    expect(url.pathname).toBe("/api/auth/callback/email");
    expect(url.searchParams.get("callbackUrl")).toBe("https://keel-demo.vercel.app/acme/projects");
    expect(url.searchParams.get("token")).toBe("abc");
  });
});

describe("a production server start", () => {
  const settings: Record<string, string> = {
    ...Object.fromEntries(Object.entries(productionSettings).filter(([, v]) => v !== "")),
    DATABASE_URL: "postgres://keel@127.0.0.1:1/never-contacted",
  };

  it("refuses to start without AUTH_URL, and starts with the platform's own production URL", async () => {
    const withoutUrl = Object.fromEntries(Object.entries(settings).filter(([name]) => name !== "AUTH_URL"));
    const refused = await startServerWith(withoutUrl);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe("keel: AUTH_URL is not set (the public origin of the app, such as https://app.example.com: email links point at it, never at a request's Host)");
    const vercel = await startServerWith({ ...withoutUrl, VERCEL_PROJECT_PRODUCTION_URL: "keel-demo.vercel.app" });
    expect(vercel.stderr).toBe("");
    expect(vercel.code).toBe(0);
  }, 60_000);
});
