import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cspHash } from "@/lib/security/inline-scripts";
import { buildCspManifest } from "./csp-hashes";

let dist: string;
const page = (...scripts: string[]) => `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async></script></head><body>${scripts.map((s) => `<script>${s}</script>`).join("")}</body></html>`;
const route = (initialRevalidateSeconds: number | false = false) => ({ routeType: "page", initialRevalidateSeconds, srcRoute: "/" });

function writeBuild({ routes, html, rewrites = [] }: { routes: Record<string, object>; html: Record<string, string>; rewrites?: unknown[] }) {
  fs.mkdirSync(path.join(dist, "server", "app"), { recursive: true });
  fs.writeFileSync(path.join(dist, "prerender-manifest.json"), JSON.stringify({ version: 4, routes, dynamicRoutes: {} }));
  fs.writeFileSync(
    path.join(dist, "routes-manifest.json"),
    JSON.stringify({ basePath: "", rewrites, staticRoutes: [{ page: "/", regex: "^/(?:/)?$" }], dynamicRoutes: [{ page: "/[orgSlug]", regex: "^/([^/]+?)(?:/)?$" }] }),
  );
  for (const [file, text] of Object.entries(html)) fs.writeFileSync(path.join(dist, "server", "app", file), text);
}

describe("the post-build CSP step", () => {
  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "keel-csp-build-"));
  });
  afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

  it("hashes each prerendered page's inline scripts, keeps the not-found page and the route patterns apart", () => {
    writeBuild({
      routes: { "/": route(), "/pricing": route(), "/_not-found": route(), "/_global-error": route(), "/icon.svg": { routeType: "route", initialRevalidateSeconds: false } },
      html: { "index.html": page("home()", "theme()"), "pricing.html": page("pricing()", "theme()"), "_not-found.html": page("missing()"), "_global-error.html": page("oops()") },
    });
    expect(buildCspManifest(dist)).toEqual({
      version: 1,
      pages: { "/": [cspHash("home()"), cspHash("theme()")], "/pricing": [cspHash("pricing()"), cspHash("theme()")] },
      notFound: [cspHash("missing()")],
      routes: ["^/(?:/)?$", "^/([^/]+?)(?:/)?$"],
    });
  });

  it("refuses a page regenerated after the build (its scripts would no longer match) and rewrites (paths would map elsewhere)", () => {
    writeBuild({ routes: { "/": route(), "/blog": route(60) }, html: { "index.html": page("a()"), "blog.html": page("b()") } });
    expect(() => buildCspManifest(dist)).toThrow(/regenerated after the build.*\/blog/);
    writeBuild({ routes: { "/": route() }, html: { "index.html": page("a()") }, rewrites: [{ source: "/docs", destination: "/" }] });
    expect(() => buildCspManifest(dist)).toThrow(/rewrites/);
  });
});
