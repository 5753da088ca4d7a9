import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { contentSecurityPolicyFor, cspManifestFileName, cspManifestSchema, formActionOrigins, reportingEndpoints, type CspManifest } from "./csp";

let manifest: CspManifest | null | undefined;

/**
 * The build's CSP manifest, read once. `next dev` has none (nothing is prerendered: every page gets a nonce). A
 * production server without one has been built without scripts/csp-hashes.ts (`npm run build` runs it): its
 * prerendered pages would have their scripts blocked, so that is said loudly, once.
 */
export function loadCspManifest(distDir = env().NEXT_DIST_DIR): CspManifest | null {
  if (manifest !== undefined) return manifest;
  const file = path.join(process.cwd(), distDir, cspManifestFileName);
  try {
    manifest = cspManifestSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (err) {
    manifest = null;
    if (env().NODE_ENV === "production") {
      const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : "is unreadable";
      console.error(`keel: ${file} ${reason}: prerendered pages will have their scripts blocked. Build with \`npm run build\`.`);
    }
  }
  return manifest;
}

/** Forgets the manifest read so far (tests). */
export function resetCspManifest(): void {
  manifest = undefined;
}

/**
 * The proxy's hook: picks the policy for `pathname`, puts it on the forwarded request headers (where Next reads a
 * dynamic page's nonce) and returns what sets it on the response.
 */
export function contentSecurityPolicy(pathname: string, requestHeaders: Headers): { nonce: string | null; apply: (response: Response) => void } {
  const settings = env();
  const development = settings.NODE_ENV === "development";
  // `next dev` prerenders nothing; a manifest left in the dist directory by an earlier `npm run build` is stale.
  const { policy, nonce } = contentSecurityPolicyFor(pathname, development ? null : loadCspManifest(), {
    development,
    reportUri: settings.CSP_REPORT_URI,
    formActionOrigins: formActionOrigins({
      github: Boolean(settings.AUTH_GITHUB_ID),
      google: Boolean(settings.AUTH_GOOGLE_ID),
      stripe: Boolean(settings.STRIPE_SECRET_KEY),
      stripeFake: settings.UNSAFE_STRIPE_API_URL,
    }),
  });
  requestHeaders.set("content-security-policy", policy);
  return {
    nonce,
    apply(response) {
      response.headers.set("content-security-policy", policy);
      if (settings.CSP_REPORT_URI) response.headers.set("reporting-endpoints", reportingEndpoints(settings.CSP_REPORT_URI));
    },
  };
}
