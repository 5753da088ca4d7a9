import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function loadRoute() {
  const { GET } = await import("./route");
  const { closeDatabase } = await import("@/db/client");
  return { GET, closeDatabase };
}

describe("GET /api/health", () => {
  afterAll(async () => (await import("@/db/client")).closeDatabase());

  it("answers 200 with the version and a passing database check", async () => {
    const { GET, closeDatabase } = await loadRoute();
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", failed: [], checks: { database: { status: "ok" } } });
    expect(typeof body.checks.database.latencyMs).toBe("number");
    await closeDatabase();
  });

  it("answers 503 naming the database when it is down, without echoing driver messages", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://postgres:secret-password@127.0.0.1:1/none");
    const { GET, closeDatabase } = await loadRoute();
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "error", failed: ["database"], checks: { database: { status: "error", error: "unreachable" } } });
    expect(JSON.stringify(body)).not.toContain("secret-password");
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
    await closeDatabase();
  });

  it("answers 503 when the database is not configured at all", async () => {
    vi.stubEnv("DATABASE_URL", "");
    const { GET } = await loadRoute();
    const response = await GET();
    expect(response.status).toBe(503);
    expect((await response.json()).checks.database.error).toBe("not configured");
  });
});
