import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/v1/orgs/[orgSlug]/projects/route";
import { closeDatabase } from "@/db/client";
import { clientErrorOf } from "@/lib/server-start";
import { unstubAllEnvs } from "@/test/env";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { requestScope, submit } from "@/test/next-request";

// Hole 7 of issue 12: a NUL byte in a name was a 500 (Postgres rejects 0x00), the JSON API took any Content-Type
// (a cross-origin `text/plain` form created a project), checked no Origin, and let caches keep its answers.

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const [{ updateProfileAction }, { createOrgAction }, { renameOrgAction }] = await Promise.all([
  import("@/app/account/actions"),
  import("@/app/new/actions"),
  import("@/app/[orgSlug]/settings/actions"),
]);

const NUL = "\u0000";

async function signedIn() {
  const { org, user } = await createOrgWithOwner("sec-api");
  const token = randomBytes(24).toString("base64url");
  await createSession(user.id, { token });
  return { org, user, token, cookie: `keel.session=${token}` };
}

const params = (orgSlug: string) => ({ params: Promise.resolve({ orgSlug }) });

afterEach(unstubAllEnvs);
afterAll(closeDatabase);

describe("NUL bytes", () => {
  it("are refused with a clear field message in project names (JSON API), not a 500", async () => {
    const { org, cookie } = await signedIn();
    const response = await POST(
      new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ name: `Evil${NUL}project`, description: "fine" }),
      }),
      params(org.slug),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: "validation_error", message: "Some fields need attention.", fields: { name: ["Remove the NUL character (\\0): it can't be stored."] } },
    });
  });

  it("are refused in organization and profile names (server actions)", async () => {
    const { org, token } = await signedIn();
    requestScope.token = token;
    for (const [action, fields] of [
      [updateProfileAction, { name: `Ada${NUL}` }],
      [createOrgAction, { name: `Org${NUL}name`, slug: `nul-${Date.now()}` }],
      [renameOrgAction, { orgSlug: org.slug, name: `Renamed${NUL}` }],
    ] as const) {
      const state = await submit(action as never, fields);
      expect(state).toMatchObject({ ok: false, error: { code: "validation_error", fields: { name: ["Remove the NUL character (\\0): it can't be stored."] } } });
    }
  });
});

describe("the JSON API", () => {
  it("answers 415 to a body that is not JSON (a cross-origin form or text/plain POST), and creates nothing", async () => {
    const { org, cookie } = await signedIn();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await POST(
        new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, { method: "POST", headers: { cookie, "content-type": type }, body: '{"name":"CSRF project"}' }),
        params(org.slug),
      );
      expect(response.status, type).toBe(415);
      expect((await response.json()).error.code).toBe("unsupported_media_type");
    }
    const list = await GET(new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, { headers: { cookie } }), params(org.slug));
    expect((await list.json()).projects).toEqual([]);
  });

  it("answers 403 to a cookie-authenticated change from another origin", async () => {
    const { org, cookie } = await signedIn();
    const post = (headers: Record<string, string>) =>
      POST(
        new Request(`https://app.example.com/api/v1/orgs/${org.slug}/projects`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json", host: "app.example.com", ...headers },
          body: JSON.stringify({ name: "Cross-origin project" }),
        }),
        params(org.slug),
      );
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ origin: "https://app.example.com", "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("sends Cache-Control: private, no-store on every answer, errors included", async () => {
    const { org, cookie } = await signedIn();
    const ok = await GET(new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, { headers: { cookie } }), params(org.slug));
    const created = await POST(
      new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: '{"name":"Cached?"}' }),
      params(org.slug),
    );
    const anonymous = await GET(new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`), params(org.slug));
    expect([ok.status, created.status, anonymous.status]).toEqual([200, 201, 401]);
    for (const response of [ok, created, anonymous]) expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("Next.js's own 500s for bad requests", () => {
  it("are told apart as client errors (an oversize action body, a foreign Origin)", () => {
    expect(clientErrorOf(Object.assign(new Error("Body exceeded 1 MB limit.\nTo configure the body size limit…"), { statusCode: 413 }))).toBe("server action body too large");
    expect(clientErrorOf(new Error("Invalid Server Actions request."))).toBe("server action from a foreign origin or unknown action");
    expect(clientErrorOf(new Error("relation \"projects\" does not exist"))).toBeNull();
  });
});
