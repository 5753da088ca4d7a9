import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { findOrgContext } from "@/lib/orgs/membership";
import { createProject } from "@/lib/projects/create-project";
import { DELETE, GET as GET_ONE, PATCH } from "./[projectId]/route";
import { GET, POST } from "./route";

afterAll(closeDatabase);

async function signIn(userId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await createSession(userId, { token });
  return `keel.session=${token}`;
}

function call(method: string, path: string, cookie: string | null, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

describe("/api/v1/orgs/{orgSlug}/projects", () => {
  it("lets a member list, create, read, rename and delete projects", async () => {
    const { org, user } = await createOrgWithOwner("api-proj");
    const cookie = await signIn(user.id);
    const base = `/api/v1/orgs/${org.slug}/projects`;

    const created = await POST(call("POST", base, cookie, { name: "Billing revamp" }), params({ orgSlug: org.slug }));
    expect(created.status).toBe(201);
    const { project } = (await created.json()) as { project: { id: string; name: string } };
    expect(project.name).toBe("Billing revamp");

    const list = await GET(call("GET", base, cookie), params({ orgSlug: org.slug }));
    expect(list.status).toBe(200);
    expect(((await list.json()) as { projects: { id: string }[] }).projects.map((p) => p.id)).toEqual([project.id]);

    const one = params({ orgSlug: org.slug, projectId: project.id });
    expect((await GET_ONE(call("GET", `${base}/${project.id}`, cookie), one)).status).toBe(200);
    const patched = await PATCH(call("PATCH", `${base}/${project.id}`, cookie, { name: "Billing v2" }), one);
    expect(((await patched.json()) as { project: { name: string } }).project.name).toBe("Billing v2");
    expect((await DELETE(call("DELETE", `${base}/${project.id}`, cookie), one)).status).toBe(204);
    expect((await GET_ONE(call("GET", `${base}/${project.id}`, cookie), one)).status).toBe(404);
  });

  it("answers 422 with field errors for invalid input, and 401 without a session", async () => {
    const { org, user } = await createOrgWithOwner("api-proj-422");
    const cookie = await signIn(user.id);
    const res = await POST(call("POST", `/api/v1/orgs/${org.slug}/projects`, cookie, { name: "" }), params({ orgSlug: org.slug }));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: "validation_error", fields: { name: ["Give the project a name."] } } });
    expect((await GET(call("GET", `/api/v1/orgs/${org.slug}/projects`, null), params({ orgSlug: org.slug }))).status).toBe(401);
  });

  it("answers 409 once the plan's project limit is reached", async () => {
    const { org, user } = await createOrgWithOwner("api-proj-409");
    const cookie = await signIn(user.id);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await POST(call("POST", `/api/v1/orgs/${org.slug}/projects`, cookie, { name: `P${i}` }), params({ orgSlug: org.slug }))).status);
    expect(codes).toEqual([201, 201, 201, 409]);
  });

  it("gives a member of another organization not_found, for the org and for its projects", async () => {
    const acme = await createOrgWithOwner("api-acme");
    const globex = await createOrgWithOwner("api-globex");
    const theirs = await withTenant({ orgId: acme.org.id, userId: acme.user.id }, (tx) =>
      createProject(tx, { orgId: acme.org.id, userId: acme.user.id }, { name: "Secret", description: "" }),
    );
    const outsider = await signIn(globex.user.id);
    expect(await findOrgContext(globex.user.id, acme.org.slug)).toBeNull();

    const base = `/api/v1/orgs/${acme.org.slug}/projects`;
    for (const res of [
      await GET(call("GET", base, outsider), params({ orgSlug: acme.org.slug })),
      await POST(call("POST", base, outsider, { name: "Intrusion" }), params({ orgSlug: acme.org.slug })),
      await GET_ONE(call("GET", `${base}/${theirs.id}`, outsider), params({ orgSlug: acme.org.slug, projectId: theirs.id })),
      await DELETE(call("DELETE", `${base}/${theirs.id}`, outsider), params({ orgSlug: acme.org.slug, projectId: theirs.id })),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
    }

    // Through their own organization's URL, the other tenant's project id names nothing.
    const own = params({ orgSlug: globex.org.slug, projectId: theirs.id });
    expect((await GET_ONE(call("GET", `/api/v1/orgs/${globex.org.slug}/projects/${theirs.id}`, outsider), own)).status).toBe(404);
    expect((await PATCH(call("PATCH", `/api/v1/orgs/${globex.org.slug}/projects/${theirs.id}`, outsider, { name: "x" }), own)).status).toBe(404);
  });

  it("lets a plain member read and write projects (the role table grants both)", async () => {
    const { org } = await createOrgWithOwner("api-member");
    const other = await createOrgWithOwner("api-member-home");
    await withSystem("test: add member", (tx) => tx.insert(memberships).values({ orgId: org.id, userId: other.user.id, role: "member" }));
    const cookie = await signIn(other.user.id);
    expect((await POST(call("POST", `/api/v1/orgs/${org.slug}/projects`, cookie, { name: "By a member" }), params({ orgSlug: org.slug }))).status).toBe(201);
    expect((await GET(call("GET", `/api/v1/orgs/${org.slug}/projects`, cookie), params({ orgSlug: org.slug }))).status).toBe(200);
  });
});
