import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { runWithPeer, trackRequestPeers } from "@/lib/request-peer";
import { unstubAllEnvs } from "@/test/env";
import { serveRouteHandlers } from "@/test/serve-route-handlers";
import { nonLoopbackAddress, productionSettings, startServerWith, stubProduction } from "./production";

// Holes 1-3 of issue 12: anyone could run any Inngest function on a production server in dev mode, a production
// server started without Inngest keys (losing every job), and the dev tools (live sign-in links) were public.

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);

// An Inngest-protocol call of a function step, as an anonymous prober sent it.
const invocation = (fnId: string) =>
  new Request(`http://app.example.com/api/inngest?fnId=${fnId}&stepId=step`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      event: { name: "app/email.requested", data: { to: "victim@example.com", template: "notice", props: { heading: "Hi", paragraphs: ["Click evil.example"] } } },
      events: [],
      steps: {},
      ctx: { run_id: randomUUID(), attempt: 0, stack: { stack: [], current: 0 } },
      version: 1,
    }),
  });

afterEach(() => {
  unstubAllEnvs();
  vi.resetModules();
});
afterAll(closeDatabase);

describe("a production server start", () => {
  const base: Record<string, string> = { ...productionSettings, DATABASE_URL: "postgres://keel@127.0.0.1:1/never-contacted" };
  const drop = (...names: string[]) => Object.fromEntries(Object.entries(base).filter(([name]) => !names.includes(name) && base[name] !== ""));

  it("refuses INNGEST_DEV (anyone could run any job) unless UNSAFE_TEST_ONLY_DEV_TOOLS=1, in one clear line", async () => {
    const refused = await startServerWith({ ...drop(), INNGEST_DEV: "http://127.0.0.1:8288" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("keel: INNGEST_DEV is set: production never serves Inngest's unsigned dev mode");
    const e2e = await startServerWith({ ...drop("INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"), INNGEST_DEV: "http://127.0.0.1:8288", UNSAFE_TEST_ONLY_DEV_TOOLS: "1" });
    expect(e2e.stderr).toBe("");
    expect(e2e.code).toBe(0);
  }, 60_000);

  it("refuses to start without Inngest keys (work would pile up unsent), one line each", async () => {
    const { code, stderr } = await startServerWith(drop("INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"));
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "keel: INNGEST_EVENT_KEY is not set (from Inngest: without it no job runs and no email is sent)",
      "keel: INNGEST_SIGNING_KEY is not set (from Inngest: it proves that calls of /api/inngest come from Inngest)",
    ]);
  }, 60_000);

  it("refuses the dev mailbox without the test-only switch", async () => {
    const { code, stderr } = await startServerWith({ ...drop(), EMAIL_TRANSPORT: "dev-mailbox" });
    expect(code).toBe(1);
    expect(stderr).toContain("keel: EMAIL_TRANSPORT=dev-mailbox: production sends email through RESEND_API_KEY or SMTP_URL");
  }, 60_000);
});

describe("/api/inngest", () => {
  const loadRoute = () => import("@/app/api/inngest/route");

  it("refuses an anonymous invocation in production configuration (signed requests only)", async () => {
    stubProduction();
    const { POST } = await loadRoute();
    for (const fnId of ["keel-send-email", "keel-delete-org", "keel-delete-account", "keel-export-account-data"]) {
      const response = await runWithPeer("203.0.113.77", () => POST(invocation(fnId) as never, undefined as never));
      expect(response.status, fnId).toBeGreaterThanOrEqual(400);
      expect(response.status, fnId).toBeLessThan(500);
    }
  });

  it("in dev mode answers only this machine, by the TCP peer and never a header", async () => {
    stubProduction({ INNGEST_DEV: "http://127.0.0.1:8288", UNSAFE_TEST_ONLY_DEV_TOOLS: "1" });
    const route = await loadRoute();
    trackRequestPeers();
    const lan = nonLoopbackAddress();
    const servers = await Promise.all([serveRouteHandlers(route), ...(lan ? [serveRouteHandlers(route, { host: lan })] : [])]);
    try {
      const [loopback, external] = servers;
      const introspect = await fetch(`${loopback!.url}/api/inngest`);
      expect(introspect.status).toBe(200);
      expect(await introspect.json()).toMatchObject({ mode: "dev" });
      // Without a tracked peer (no socket at all) it is refused too.
      expect((await route.POST(invocation("keel-send-email") as never, undefined as never)).status).toBe(404);
      if (external) {
        const spoofed = { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", host: "localhost" };
        expect((await fetch(`${external.url}/api/inngest`, { headers: spoofed })).status).toBe(404);
        const run = await fetch(`${external.url}/api/inngest?fnId=keel-delete-org&stepId=step`, { method: "POST", headers: { ...spoofed, "content-type": "application/json" }, body: "{}" });
        expect(run.status).toBe(404);
      }
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it("never serves dev mode in production without the test-only switch, even to loopback", async () => {
    stubProduction({ INNGEST_DEV: "1" });
    const { GET } = await loadRoute();
    expect((await runWithPeer("127.0.0.1", () => GET(new Request("http://localhost/api/inngest") as never, undefined as never))).status).toBe(404);
  });
});

describe("dev tools in production configuration", () => {
  // notFound() throws an error whose digest Next turns into the 404 page.
  async function pageStatus(render: () => Promise<unknown>): Promise<number> {
    try {
      await render();
      return 200;
    } catch (err) {
      const digest = String((err as { digest?: string }).digest ?? "");
      if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]);
      throw err;
    }
  }

  const tools: Record<string, () => Promise<unknown>> = {
    "/dev/mailbox": async () => (await import("@/app/dev/mailbox/page")).default({ searchParams: Promise.resolve({}) }),
    "/dev/mailbox/{id}": async () => (await import("@/app/dev/mailbox/[id]/page")).default({ params: Promise.resolve({ id: randomUUID() }) }),
    "/dev/jobs": async () => (await import("@/app/dev/jobs/page")).default(),
    "POST /api/dev/test-email": async () => {
      const { POST } = await import("@/app/api/dev/test-email/route");
      const response = await POST(new Request("http://app.example.com/api/dev/test-email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ to: "victim@example.com" }) }));
      if (response.status === 404) throw Object.assign(new Error("not found"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
      return response;
    },
  };

  for (const [name, open] of Object.entries(tools)) {
    it(`${name} is 404 with the dev mailbox and dev job server configured, without the test-only switch`, async () => {
      stubProduction({ EMAIL_TRANSPORT: "dev-mailbox", INNGEST_DEV: "http://127.0.0.1:8288" });
      expect(await pageStatus(() => runWithPeer("127.0.0.1", open))).toBe(404);
    });

    it(`${name} is 404 with the test-only switch to anyone but this machine`, async () => {
      stubProduction({ EMAIL_TRANSPORT: "dev-mailbox", INNGEST_DEV: "http://127.0.0.1:8288", UNSAFE_TEST_ONLY_DEV_TOOLS: "1" });
      expect(await pageStatus(() => runWithPeer("203.0.113.77", open))).toBe(404);
      expect(await pageStatus(open)).toBe(404);
    });
  }
});
