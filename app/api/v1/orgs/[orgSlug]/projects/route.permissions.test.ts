import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { DELETE, PATCH } from "./[projectId]/route";
import { GET, POST } from "./route";

// A role table in which members may only read projects: the routes must then refuse their writes with 403.
vi.mock("@/lib/orgs/permissions", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/orgs/permissions")>();
  const table = { ...actual.rolePermissions, member: ["projects:read"] as const };
  return { ...actual, rolePermissions: table, can: (role: keyof typeof table, p: string) => (table[role] as readonly string[]).includes(p) };
});

afterAll(closeDatabase);

describe("projects API permissions", () => {
  it("checks projects:read for reads and projects:write for writes", async () => {
    const { org } = await createOrgWithOwner("perm-org");
    const { user: member } = await createOrgWithOwner("perm-member");
    await withSystem("test: add member", (tx) => tx.insert(memberships).values({ orgId: org.id, userId: member.id, role: "member" }));
    const token = randomBytes(24).toString("base64url");
    await createSession(member.id, { token });
    const req = (method: string, body?: unknown) =>
      new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, { method, headers: { cookie: `keel.session=${token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const p = { params: Promise.resolve({ orgSlug: org.slug, projectId: "00000000-0000-4000-8000-000000000000" }) };

    expect((await GET(req("GET"), p)).status).toBe(200);
    const refused = await POST(req("POST", { name: "Nope" }), p);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
    expect((await PATCH(req("PATCH", { name: "Nope" }), p)).status).toBe(403);
    expect((await DELETE(req("DELETE"), p)).status).toBe(403);
  });
});
