// Issue 9, item 1: the admin console does not exist for anyone but a platform admin. Every entry point under
// app/admin is found on disk (each page.tsx and layout.tsx, each route.ts, each export of each actions.ts), must go
// through its admin wrapper (checked in the source, so a new one cannot skip it), and is called as a signed-out
// visitor, a member and an organization owner: each gets the 404 page or not_found, never a validation error or data.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { closeDatabase } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { adminRoute } from "@/lib/route";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { requestScope, submit } from "@/test/next-request";
import { serveRouteHandlers } from "@/test/serve-route-handlers";

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const root = path.resolve(import.meta.dirname, "../..");
const adminDir = path.join(root, "app/admin");

/** Every file under app/admin, as a path relative to the repository. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [path.relative(root, full)];
  });
}

const files = walk(adminDir).filter((f) => !f.endsWith(".test.ts") && !f.endsWith(".test.tsx"));
const pages = files.filter((f) => f.endsWith("/page.tsx"));
const layouts = files.filter((f) => f.endsWith("/layout.tsx"));
const routes = files.filter((f) => f.endsWith("/route.ts"));
const actionFiles = files.filter((f) => f.endsWith("/actions.ts"));
const source = (file: string) => readFileSync(path.join(root, file), "utf8");
const load = (file: string) => import(/* @vite-ignore */ `@/${file.replace(/\.tsx?$/, "")}`) as Promise<Record<string, unknown>>;

/** The URL params of a page or route from its folders: `[id]` gets a random uuid, `[...slug]` one segment. */
function paramsOf(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const segment of file.split("/")) {
    const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(segment);
    const one = /^\[(\w+)\]$/.exec(segment);
    if (catchAll) params[catchAll[1]!] = ["x"];
    else if (one) params[one[1]!] = randomUUID();
  }
  return params;
}

// notFound() throws an error whose digest Next turns into the 404 page.
async function pageStatus(render: () => unknown): Promise<number> {
  try {
    await render();
    return 200;
  } catch (err) {
    const digest = String((err as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]);
    if (digest.startsWith("NEXT_REDIRECT;")) return 307;
    throw err;
  }
}

type Caller = { label: string; token: string };
const callers: Caller[] = [];
let adminToken = "";

beforeAll(async () => {
  const { user: owner, org } = await createOrgWithOwner("matrix");
  const { user: member } = await createOrgWithOwner("matrix-member");
  await withSystem("test: join", (tx) => tx.insert(memberships).values({ orgId: org.id, userId: member.id, role: "member" }));
  const { user: admin } = await createOrgWithOwner("matrix-admin");
  await withSystem("test: admin", (tx) => tx.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, admin.id)));
  callers.push({ label: "a signed-out visitor", token: "" }, { label: "a member", token: await createSession(member.id) }, { label: "an organization owner", token: await createSession(owner.id) });
  adminToken = await createSession(admin.id);
});
afterAll(closeDatabase);

describe("every admin entry point goes through its admin wrapper", () => {
  it("finds the console on disk", () => {
    expect(pages).toContain("app/admin/page.tsx");
    expect(layouts).toContain("app/admin/layout.tsx");
  });

  it.each(pages)("%s is `export default adminPage(…)`", (file) => {
    expect(source(file)).toMatch(/^export default adminPage\(/m);
  });

  it.each(layouts)("%s checks requireAdmin() itself", (file) => {
    expect(source(file)).toMatch(/await requireAdmin\(\)/);
  });

  it.each(routes.length ? routes : ["(none yet)"])("%s exports only adminRoute(…) handlers", (file) => {
    if (file === "(none yet)") return;
    const text = source(file);
    expect(text).not.toMatch(/^export (async )?function/m);
    const exported = [...text.matchAll(/^export const (\w+)\s*=\s*(\w+)\(/gm)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [, name, wrapper] of exported) expect(`${name} = ${wrapper}(`).toBe(`${name} = adminRoute(`);
  });

  it.each(actionFiles)("%s exports only adminAction(…) actions", async (file) => {
    const text = source(file);
    expect(text).not.toMatch(/^export (async )?function|^export default/m);
    const declared = [...text.matchAll(/^export const (\w+)\s*=\s*(\w+)\(/gm)];
    for (const [, name, wrapper] of declared) expect(`${name} = ${wrapper}(`).toBe(`${name} = adminAction(`);
    // Nothing exported any other way (a re-export, a `let`): the module's exports are exactly those.
    expect(Object.keys(await load(file)).sort()).toEqual(declared.map((d) => d[1]).sort());
  });
});

describe("everyone but a platform admin gets the 404 page or not_found", () => {
  it.each(pages)("page %s", async (file) => {
    const Page = (await load(file)).default as (props: unknown) => unknown;
    const props = { params: Promise.resolve(paramsOf(file)), searchParams: Promise.resolve({ q: "a", page: "2" }) };
    for (const caller of callers) {
      requestScope.token = caller.token;
      expect(await pageStatus(() => Page(props)), `${caller.label} on ${file}`).toBe(404);
    }
  });

  it.each(layouts)("layout %s", async (file) => {
    const Layout = (await load(file)).default as (props: unknown) => unknown;
    for (const caller of callers) {
      requestScope.token = caller.token;
      expect(await pageStatus(() => Layout({ children: null, params: Promise.resolve(paramsOf(file)) })), `${caller.label} on ${file}`).toBe(404);
    }
  });

  it.each(actionFiles)("every action of %s, whatever the form holds", async (file) => {
    const actions = Object.entries(await load(file)) as [string, Parameters<typeof submit>[0]][];
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      for (const caller of callers) {
        requestScope.token = caller.token;
        // An empty form and a plausible one: neither may reach validation or the handler.
        for (const fields of [{} as Record<string, string>, { userId: randomUUID(), orgId: randomUUID(), reason: "because", planId: "pro", key: "x", enabled: "true" }]) {
          const state = await submit(action, fields);
          expect(state && "ok" in state && !state.ok ? state.error.code : state, `${caller.label}: ${name} in ${file}`).toBe("not_found");
        }
      }
    }
  });

  it.each(routes.length ? routes : ["(none yet)"])("every handler of route %s, over HTTP", async (file) => {
    if (file === "(none yet)") return;
    const handlers = await load(file);
    const methods = Object.keys(handlers).filter((m) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(m));
    const params = paramsOf(file);
    const wrapped = Object.fromEntries(methods.map((m) => [m, (request: Request) => (handlers[m] as (r: Request, s: unknown) => Promise<Response>)(request, { params: Promise.resolve(params) })]));
    const server = await serveRouteHandlers(wrapped);
    try {
      for (const method of methods) {
        for (const caller of callers) {
          const response = await fetch(`${server.url}/admin/x`, {
            method,
            headers: { "content-type": "application/json", ...(caller.token ? { cookie: `keel.session=${caller.token}` } : {}) },
            body: method === "GET" ? undefined : "{}",
          });
          expect(response.status, `${caller.label}: ${method} ${file}`).toBe(404);
          expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
        }
      }
    } finally {
      await server.close();
    }
  });

  it("adminRoute answers 404 before parsing (a malformed body never earns a 422), and serves an admin", async () => {
    const route = adminRoute({ body: z.object({ n: z.number() }) }, async ({ body }) => ({ doubled: body.n * 2 }));
    const server = await serveRouteHandlers({ POST: route });
    try {
      for (const caller of callers) {
        const response = await fetch(`${server.url}/x`, { method: "POST", headers: { "content-type": "application/json", ...(caller.token ? { cookie: `keel.session=${caller.token}` } : {}) }, body: "{" });
        expect(response.status, caller.label).toBe(404);
      }
      const ok = await fetch(`${server.url}/x`, { method: "POST", headers: { "content-type": "application/json", cookie: `keel.session=${adminToken}` }, body: JSON.stringify({ n: 21 }) });
      expect(await ok.json()).toEqual({ doubled: 42 });
    } finally {
      await server.close();
    }
  });

  it("a platform admin gets every page without URL parameters", async () => {
    requestScope.token = adminToken;
    for (const file of pages.filter((f) => !f.includes("["))) {
      const Page = (await load(file)).default as (props: unknown) => unknown;
      expect(await pageStatus(() => Page({ params: Promise.resolve({}), searchParams: Promise.resolve({}) })), file).toBe(200);
    }
  });
});
