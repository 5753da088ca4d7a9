// The public API through its real route handlers, with API keys: scopes, revocation, expiry, other organizations,
// idempotency, ETags and usage counting. Cache, rate limits and counters run on the real Redis (Upstash bridge).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointApiTestsAtUpstash } from "@/test/api-test-setup";
import { closeDatabase } from "@/db/client";
import { apiKeys, auditLogs, memberships, organizations, projects, usageDaily, users } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";

await pointApiTestsAtUpstash();
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
const { apiKeyScopes } = await import("@/lib/api-keys/scopes");
const { withOutbox } = await import("@/lib/outbox");
const { cache } = await import("@/lib/cache");
const { hashToken } = await import("@/lib/auth/tokens");
const { operations } = await import("@/lib/api/v1/operations");
const { flushUsage } = await import("@/lib/usage/flush-usage");
const { v1RouteFiles } = await import("@/test/v1-routes");
const projectsRoute = await import("@/app/api/v1/orgs/[orgSlug]/projects/route");
const projectRoute = await import("@/app/api/v1/orgs/[orgSlug]/projects/[projectId]/route");

afterAll(closeDatabase);

type Tenant = { orgId: string; userId: string; slug: string };

async function tenant(label: string, plan = "pro"): Promise<Tenant> {
  const { org, user } = await createOrgWithOwner(label);
  if (plan !== "free") await withSystem("test: plan", (tx) => tx.update(organizations).set({ plan }).where(eq(organizations.id, org.id)));
  return { orgId: org.id, userId: user.id, slug: org.slug };
}

async function newKey(t: Tenant, scopes: string[]): Promise<{ id: string; secret: string }> {
  const ctx = { orgId: t.orgId, userId: t.userId };
  const { key, secret } = await withTenant(ctx, (tx) => createApiKey(tx, ctx, { name: "Test key", scopes: scopes as never }));
  return { id: key.id, secret };
}

const revoke = (t: Tenant, keyId: string) => withOutbox(() => withTenant({ orgId: t.orgId, userId: t.userId }, (tx) => revokeApiKey(tx, { orgId: t.orgId, userId: t.userId }, { keyId })));

type Handler = (r: Request, s: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, method: string, url: string, params: Record<string, string>, init: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return handler(new Request(`http://localhost${url}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }), {
    params: Promise.resolve(params),
  });
}

const listProjects = (t: Tenant, key: string, headers?: Record<string, string>) =>
  call(projectsRoute.GET, "GET", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { key, headers });

describe("API keys", () => {
  it("are stored as a SHA-256 hash with a visible prefix, and their creation is audited", async () => {
    const t = await tenant("key-store");
    const { id, secret } = await newKey(t, ["projects:read"]);
    expect(secret).toMatch(/^keel_test_[A-Za-z0-9_-]{43}$/);
    const [row] = await withSystem("test: read key", (tx) => tx.select().from(apiKeys).where(eq(apiKeys.id, id)));
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(secret.startsWith(row!.prefix)).toBe(true);
    const audit = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(eq(auditLogs.targetId, id)));
    expect(audit.map((a) => a.action)).toEqual(["api_key.created"]);
  });

  it("are refused with 401 when unknown, malformed, or sent with another scheme", async () => {
    const t = await tenant("key-401");
    for (const authorization of ["Bearer keel_test_" + "x".repeat(43), "Bearer nonsense", "Basic abc", "Bearer"]) {
      const res = await call(projectsRoute.GET, "GET", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
  });

  it("stop working on the very next request after revocation, however warm the cache", async () => {
    const t = await tenant("key-revoke");
    const { id, secret } = await newKey(t, ["projects:read"]);
    expect((await listProjects(t, secret)).status).toBe(200);
    // The first use writes "last used" after the response and drops the entry; wait for that, then warm it again.
    await expect.poll(async () => (await withSystem("test: read", (tx) => tx.select().from(apiKeys).where(eq(apiKeys.id, id))))[0]!.lastUsedAt).not.toBeNull();
    await expect
      .poll(async () => {
        expect((await listProjects(t, secret)).status).toBe(200);
        return cache.get(`api-key:${hashToken(secret)}`);
      })
      .toMatchObject({ id });
    await revoke(t, id);
    const res = await listProjects(t, secret);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: "The API key is invalid or has been revoked." } });
    const audit = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(eq(auditLogs.targetId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("stop working once expired", async () => {
    const t = await tenant("key-expired");
    const { id, secret } = await newKey(t, ["projects:read"]);
    await withSystem("test: expire", (tx) => tx.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, id)));
    const res = await listProjects(t, secret);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("record when they were last used, after the response, at most once a minute", async () => {
    const t = await tenant("key-last-used");
    const { id, secret } = await newKey(t, ["projects:read"]);
    expect((await listProjects(t, secret)).status).toBe(200);
    const lastUsed = async () => (await withSystem("test: read", (tx) => tx.select().from(apiKeys).where(eq(apiKeys.id, id))))[0]!.lastUsedAt;
    await expect.poll(lastUsed).not.toBeNull();
    const first = await lastUsed();
    await listProjects(t, secret);
    await new Promise((r) => setTimeout(r, 200));
    expect(await lastUsed()).toEqual(first);
  });

  it("of one organization get 404 for another organization and its projects", async () => {
    const a = await tenant("key-org-a");
    const b = await tenant("key-org-b");
    const theirs = await withSystem("test: project", (tx) => tx.insert(projects).values({ orgId: b.orgId, name: "B's secret" }).returning());
    const { secret } = await newKey(a, [...apiKeyScopes]);
    for (const res of [
      await listProjects(b, secret),
      await call(projectRoute.GET, "GET", `/api/v1/orgs/${b.slug}/projects/${theirs[0]!.id}`, { orgSlug: b.slug, projectId: theirs[0]!.id }, { key: secret }),
      await call(projectsRoute.POST, "POST", `/api/v1/orgs/${b.slug}/projects`, { orgSlug: b.slug }, { key: secret, body: { name: "Intrusion" } }),
      // Through its own organization's URL, the other organization's project id names nothing.
      await call(projectRoute.GET, "GET", `/api/v1/orgs/${a.slug}/projects/${theirs[0]!.id}`, { orgSlug: a.slug, projectId: theirs[0]!.id }, { key: secret }),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
    }
  });

  it("act on behalf of their creator: the audit entry of a change names them and the key", async () => {
    const t = await tenant("key-actor");
    const { id, secret } = await newKey(t, ["projects:write"]);
    const res = await call(projectsRoute.POST, "POST", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { key: secret, body: { name: "By key" } });
    expect(res.status).toBe(201);
    const { project } = (await res.json()) as { project: { id: string } };
    const [entry] = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(eq(auditLogs.targetId, project.id)));
    expect(entry).toMatchObject({ action: "project.created", actorId: t.userId });
    expect(id).toBeTruthy();
  });
});

describe("scopes", () => {
  let t: Tenant;
  let projectId: string;
  const keys = {} as Record<string, string>;
  beforeAll(async () => {
    t = await tenant("scopes");
    const [p] = await withSystem("test: project", (tx) => tx.insert(projects).values({ orgId: t.orgId, name: "Scoped" }).returning());
    projectId = p!.id;
    for (const scope of apiKeyScopes) keys[scope] = (await newKey(t, [scope])).secret;
  });

  it("are enforced on every v1 route: a key passes exactly with the operation's scope", async () => {
    const files = await v1RouteFiles();
    const samples: Record<string, { body?: unknown; projectId?: () => string }> = {
      createProject: { body: { name: "From a key" } },
      updateProject: { body: { name: "Renamed by key" } },
      getProject: {},
      deleteProject: { projectId: () => randomUUID() },
    };
    for (const op of operations) {
      const file = files.find((f) => f.path === op.path);
      const handler = file?.handlers[op.method];
      expect(handler, `${op.method} ${op.path} has a route`).toBeDefined();
      for (const scope of apiKeyScopes) {
        const id = samples[op.operationId]?.projectId?.() ?? projectId;
        const url = op.path.replace("{orgSlug}", t.slug).replace("{projectId}", id);
        const res = await call(handler!, op.method.toUpperCase(), url, { orgSlug: t.slug, projectId: id }, { key: keys[scope], body: samples[op.operationId]?.body });
        const label = `${op.operationId} with ${scope}`;
        // Allowed: anything but a refusal (deleting a random id is a 404, not a 403).
        if (scope === op.permission) expect([200, 201, 204, 404], label).toContain(res.status);
        else {
          expect(res.status, label).toBe(403);
          expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({ code: "forbidden", message: `This API key lacks the ${op.permission} scope.` });
        }
      }
    }
  });
});

describe("idempotency keys", () => {
  it("replay the first response to a retry: one project, the same body", async () => {
    const t = await tenant("idem");
    const { secret } = await newKey(t, ["projects:write", "projects:read"]);
    const post = (body: unknown, key = "order-42") =>
      call(projectsRoute.POST, "POST", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { key: secret, body, headers: { "idempotency-key": key } });
    const first = await post({ name: "Once" });
    const again = await post({ name: "Once" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());

    const conflicting = await post({ name: "Something else" });
    expect(conflicting.status).toBe(422);
    expect(((await conflicting.json()) as { error: { code: string } }).error.code).toBe("validation_error");

    // Concurrent retries of a new key: still one project.
    const racing = await Promise.all([post({ name: "Racing" }, "race-1"), post({ name: "Racing" }, "race-1"), post({ name: "Racing" }, "race-1")]);
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201]);
    const names = (await withSystem("test: read", (tx) => tx.select().from(projects).where(eq(projects.orgId, t.orgId)))).map((p) => p.name).sort();
    expect(names).toEqual(["Once", "Racing"]);
  });

  it("are kept per caller: another key with the same Idempotency-Key creates its own project", async () => {
    const t = await tenant("idem-callers");
    const one = await newKey(t, ["projects:write"]);
    const two = await newKey(t, ["projects:write"]);
    for (const key of [one.secret, two.secret]) {
      const res = await call(projectsRoute.POST, "POST", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { key, body: { name: "Same" }, headers: { "idempotency-key": "k" } });
      expect(res.headers.get("idempotent-replayed")).toBeNull();
    }
    expect(await withSystem("test: read", (tx) => tx.select().from(projects).where(eq(projects.orgId, t.orgId)))).toHaveLength(2);
  });
});

describe("ETags", () => {
  it("answer a GET whose If-None-Match is current with 304 and no body, and a changed resource with 200", async () => {
    const t = await tenant("etag");
    const { secret } = await newKey(t, ["projects:read", "projects:write"]);
    const first = await listProjects(t, secret);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const cached = await listProjects(t, secret, { "if-none-match": etag! });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    await call(projectsRoute.POST, "POST", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { key: secret, body: { name: "New" } });
    const changed = await listProjects(t, secret, { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("pagination", () => {
  it("walks every project once, newest first, with limit and nextCursor; a forged cursor is a 422", async () => {
    const t = await tenant("pages");
    const { secret } = await newKey(t, ["projects:read"]);
    // Same created_at for some rows: the id breaks the tie, so no row is skipped or repeated.
    const at = new Date();
    await withSystem("test: projects", (tx) =>
      tx.insert(projects).values(Array.from({ length: 7 }, (_, i) => ({ orgId: t.orgId, name: `P${i}`, createdAt: i < 4 ? at : new Date(at.getTime() - i * 1000) }))),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/orgs/${t.slug}/projects?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await call(projectsRoute.GET, "GET", url, { orgSlug: t.slug }, { key: secret });
      const page = (await res.json()) as { projects: { name: string }[]; nextCursor: string | null };
      seen.push(...page.projects.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const bad = await call(projectsRoute.GET, "GET", `/api/v1/orgs/${t.slug}/projects?cursor=forged`, { orgSlug: t.slug }, { key: secret });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields.cursor).toBeDefined();
  });
});

describe("members and audit log", () => {
  it("list members with members:read, and the audit log with filters with audit:read", async () => {
    const t = await tenant("lists");
    const member = await withSystem("test: member", async (tx) => {
      const [u] = await tx.insert(users).values({ email: `m-${randomUUID()}@example.test`, name: "Mia" }).returning();
      await tx.insert(memberships).values({ orgId: t.orgId, userId: u!.id, role: "member" });
      return u!;
    });
    const { secret } = await newKey(t, ["members:read", "audit:read", "projects:write"]);
    const membersRoute = await import("@/app/api/v1/orgs/[orgSlug]/members/route");
    const auditRoute = await import("@/app/api/v1/orgs/[orgSlug]/audit-logs/route");
    const members = (await (await call(membersRoute.GET, "GET", `/api/v1/orgs/${t.slug}/members`, { orgSlug: t.slug }, { key: secret })).json()) as {
      members: { userId: string; role: string }[];
    };
    expect(members.members.map((m) => [m.userId, m.role])).toEqual([
      [t.userId, "owner"],
      [member.id, "member"],
    ]);
    await call(projectsRoute.POST, "POST", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { key: secret, body: { name: "Audited" } });
    const res = await call(auditRoute.GET, "GET", `/api/v1/orgs/${t.slug}/audit-logs?action=project.created`, { orgSlug: t.slug }, { key: secret });
    const audit = (await res.json()) as { entries: { action: string; actor: { id: string } }[]; nextCursor: string | null };
    expect(audit.entries.map((e) => e.action)).toEqual(["project.created"]);
    expect(audit.entries[0]!.actor.id).toBe(t.userId);
  });
});

describe("a browser session", () => {
  it("uses the same routes, permission table and rate limit (RateLimit headers)", async () => {
    const t = await tenant("session");
    const token = await createSession(t.userId);
    const res = await call(projectsRoute.GET, "GET", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { headers: { cookie: `keel.session=${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toBe("600");
    expect(Number(res.headers.get("ratelimit-remaining"))).toBeLessThan(600);
  });
});

describe("metering", () => {
  it("counts each request in Redis and the flush writes the day's total to usage_daily, idempotently", async () => {
    const t = await tenant("meter");
    const { secret } = await newKey(t, ["projects:read"]);
    for (let i = 0; i < 5; i++) expect((await listProjects(t, secret)).status).toBe(200);
    // Refused before the organization is known (bad key): not counted.
    await call(projectsRoute.GET, "GET", `/api/v1/orgs/${t.slug}/projects`, { orgSlug: t.slug }, { headers: { authorization: "Bearer nonsense" } });
    expect(await flushUsage()).toBeGreaterThan(0);
    await flushUsage();
    const rows = await withSystem("test: usage", (tx) => tx.select().from(usageDaily).where(eq(usageDaily.orgId, t.orgId)));
    expect(rows).toEqual([expect.objectContaining({ day: new Date().toISOString().slice(0, 10), metric: "api_requests", count: 5 })]);
  });
});
