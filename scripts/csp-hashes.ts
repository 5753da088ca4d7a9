// After `next build` (npm run build runs it): hashes the inline scripts of every prerendered page into
// <distDir>/csp-manifest.json, which proxy.ts reads (lib/security/content-security-policy.ts) to give those pages
// a Content Security Policy of hashes. Prerendered pages are files, so they cannot carry a per-request nonce.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { cspManifestFileName, cspManifestSchema, type CspManifest } from "@/lib/security/csp";
import { inlineScriptHashes } from "@/lib/security/inline-scripts";

// The part of Next's prerender manifest read here: each prerendered route and whether it is regenerated later.
const prerenderManifestSchema = z.object({
  routes: z.record(z.string(), z.object({ initialRevalidateSeconds: z.union([z.number(), z.literal(false)]).optional() }).loose()),
});

/** The manifest for the build in `distDir`; throws on a page whose scripts could change after the build. */
export function buildCspManifest(distDir: string): CspManifest {
  const prerendered = prerenderManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")));
  const manifest: CspManifest = { version: 1, pages: {}, anyPath: [] };
  const regenerated: string[] = [];
  for (const [route, info] of Object.entries(prerendered.routes)) {
    const file = path.join(distDir, "server", "app", route === "/" ? "index.html" : `${route}.html`);
    if (!fs.existsSync(file)) continue; // a route handler's output (icons, robots.txt): no HTML, no scripts
    // A page regenerated at run time (ISR) gets new payload scripts whose hashes no build knows.
    if (typeof info.initialRevalidateSeconds === "number") regenerated.push(route);
    const hashes = inlineScriptHashes(fs.readFileSync(file, "utf8"));
    // `/_not-found` and `/_global-error` are served at whatever path failed, so their hashes go with every policy.
    if (route.startsWith("/_")) manifest.anyPath = [...new Set([...manifest.anyPath, ...hashes])];
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
