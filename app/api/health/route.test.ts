import { afterEach, describe, expect, it, vi } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { freePort } from "@/test/serve-route-handlers";

// Each test loads the route afresh against the environment it stubbed, and closes the pool it opened.
afterEach(async () => {
  await (await import("@/db/client")).closeDatabase();
  unstubAllEnvs();
  vi.resetModules();
});

async function loadRoute() {
  return import("./route");
}

describe("GET /api/health", () => {

  it("answers 200 with the version and a passing database check", async () => {
    const { GET } = await loadRoute();
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", failed: [], checks: { database: { status: "ok" } } });
    expect(typeof body.checks.database.latencyMs).toBe("number");
  });

  it("answers 503 naming the database when it is down, without echoing driver messages", async () => {
    stubEnv("DATABASE_URL", "postgres://postgres:secret-password@127.0.0.1:1/none");
    const { GET } = await loadRoute();
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "error", failed: ["database"], checks: { database: { status: "error", error: "unreachable" } } });
    expect(JSON.stringify(body)).not.toContain("secret-password");
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
  });

  it("answers 503 when the database is not configured at all", async () => {
    stubEnv("DATABASE_URL", "");
    const { GET } = await loadRoute();
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(503);
    expect((await response.json()).checks.database.error).toBe("not configured");
  });
});

describe("GET /api/health?deep=1", () => {
  it("adds the cache and job checks, and stays 200 when only an optional one fails", async () => {
    stubEnv("INNGEST_DEV", `http://127.0.0.1:${await freePort()}`);
    const { GET } = await loadRoute();
    const response = await GET(new Request("http://localhost/api/health?deep=1"));
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.checks.database).toMatchObject({ status: "ok", required: true });
    expect(body.checks.cache).toMatchObject({ status: "ok", required: false, detail: { backend: "memory" } });
    expect(body.checks.jobs).toMatchObject({ status: "error", required: false, error: "unreachable" });
    expect(body).toMatchObject({ status: "degraded", failed: ["jobs"] });
  });

  it("answers 503 when the required database fails, naming it", async () => {
    stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none");
    const { GET } = await loadRoute();
    const response = await GET(new Request("http://localhost/api/health?deep=1"));
    expect(response.status).toBe(503);
    expect((await response.json()).failed).toContain("database");
  });

  it("turns red (503) when the outbox stops draining, and green again once it drains", async () => {
    const [{ withSystem }, { outboxEvents }, { eq }] = await Promise.all([import("@/db/tenant"), import("@/db/schema"), import("drizzle-orm")]);
    stubEnv("INNGEST_EVENT_KEY", "event-key");
    const { GET } = await loadRoute();
    const deep = async () => GET(new Request("http://localhost/api/health?deep=1"));
    expect((await deep()).status).toBe(200);

    const id = crypto.randomUUID();
    // A recent event is in flight, not stuck.
    await withSystem("test: a fresh outbox event", (tx) => tx.insert(outboxEvents).values({ id, name: "test/thing.happened", data: {}, createdAt: new Date(Date.now() - 60_000) }));
    expect((await deep()).status).toBe(200);

    await withSystem("test: a stuck outbox event", (tx) => tx.update(outboxEvents).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(outboxEvents.id, id)));
    const stuck = await deep();
    expect(stuck.status).toBe(503);
    const body = await stuck.json();
    expect(body.failed).toContain("outbox");
    expect(body.checks.outbox).toMatchObject({ status: "error", required: true, error: "1 events waiting over 10 minutes: the outbox is not draining" });

    await withSystem("test: the relay sent it", (tx) => tx.update(outboxEvents).set({ sentAt: new Date() }).where(eq(outboxEvents.id, id)));
    expect((await deep()).status).toBe(200);
  });
});
