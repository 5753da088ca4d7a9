// After `next build` (npm run build runs it): hashes the inline scripts of every prerendered page into
// <distDir>/csp-manifest.json, which proxy.ts reads (lib/security/content-security-policy.ts) to give those pages
// a Content Security Policy of hashes. Prerendered pages are files, so they cannot carry a per-request nonce.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { cspManifestFileName, cspManifestSchema, type CspManifest } from "@/lib/security/csp";
import { inlineScriptHashes } from "@/lib/security/inline-scripts";

// The parts of Next's build manifests read here: each prerendered route and whether it is regenerated later, and
// the pattern of every route.
const prerenderManifestSchema = z.object({
  routes: z.record(z.string(), z.object({ initialRevalidateSeconds: z.union([z.number(), z.literal(false)]).optional() }).loose()),
});
const routesManifestSchema = z.object({
  basePath: z.string(),
  staticRoutes: z.array(z.object({ regex: z.string() }).loose()),
  dynamicRoutes: z.array(z.object({ regex: z.string() }).loose()),
  rewrites: z.union([z.array(z.unknown()), z.object({ beforeFiles: z.array(z.unknown()), afterFiles: z.array(z.unknown()), fallback: z.array(z.unknown()) })]),
});

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));

/** The manifest for the build in `distDir`; throws on a build whose pages cannot be matched to their scripts. */
export function buildCspManifest(distDir: string): CspManifest {
  const prerendered = prerenderManifestSchema.parse(readJson(path.join(distDir, "prerender-manifest.json")));
  const routes = routesManifestSchema.parse(readJson(path.join(distDir, "routes-manifest.json")));
  const rewrites = Array.isArray(routes.rewrites) ? routes.rewrites : Object.values(routes.rewrites).flat();
  // proxy.ts matches request paths against the routes as they are: a base path or rewrites would change which
  // document answers a path.
  if (routes.basePath || rewrites.length) throw new Error("a basePath or rewrites in next.config.ts: teach lib/security/csp.ts how paths map to pages first");

  const manifest: CspManifest = { version: 1, pages: {}, notFound: null, routes: [...routes.staticRoutes, ...routes.dynamicRoutes].map((r) => r.regex) };
  const regenerated: string[] = [];
  for (const [route, info] of Object.entries(prerendered.routes)) {
    const file = path.join(distDir, "server", "app", route === "/" ? "index.html" : `${route}.html`);
    if (!fs.existsSync(file)) continue; // a route handler's output (icons, robots.txt): no HTML, no scripts
    // A page regenerated at run time (ISR) gets new payload scripts whose hashes no build knows.
    if (typeof info.initialRevalidateSeconds === "number") regenerated.push(route);
    const hashes = inlineScriptHashes(fs.readFileSync(file, "utf8"));
    if (route === "/_not-found") manifest.notFound = hashes;
    // Next's built-in error document, served (as pages/500.html) only when the server fails outside a page's own
    // render, at any path: it is left out, so it gets the nonce policy and shows its message without its scripts.
    else if (route === "/_global-error") continue;
    else manifest.pages[route] = hashes;
  }
  if (regenerated.length) {
    throw new Error(
      `these pages are regenerated after the build, so their inline scripts cannot be hashed ahead: ${regenerated.join(", ")}. ` +
        "Render them per request (they then get a nonce) or fully static.",
    );
  }
  return cspManifestSchema.parse(manifest);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
  try {
    const manifest = buildCspManifest(distDir);
    fs.writeFileSync(path.join(distDir, cspManifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
    const count = Object.values(manifest.pages).reduce((n, h) => n + h.length, 0);
    console.log(`csp-hashes: ${Object.keys(manifest.pages).length} prerendered pages, ${count} inline script hashes → ${path.join(distDir, cspManifestFileName)}`);
  } catch (err) {
    console.error(`csp-hashes: ${(err as Error).message}`);
    process.exit(1);
  }
}
