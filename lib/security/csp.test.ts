import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, contentSecurityPolicyFor, createNonce, cspManifestSchema, formActionOrigins, prerenderedHashes, type CspManifest } from "./csp";

const production = { development: false };
const hashA = "'sha256-AW8YyfvPfYzUwJkwspM9TFZlGxVLeftzEax1znLgAto='";
const hashB = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
const notFound = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
// A build with a static landing and pricing page, a dynamic sign-in page and organization pages, and a static 404.
const manifest: CspManifest = {
  version: 1,
  pages: { "/": [hashA], "/pricing": [hashA, hashB] },
  notFound: [notFound],
  routes: ["^/(?:/)?$", "^/pricing(?:/)?$", "^/sign\\-in(?:/)?$", "^/([^/]+?)(?:/)?$", "^/([^/]+?)/settings(?:/)?$"],
};

/** The policy as directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe("the Content Security Policy", () => {
  it("locks down what every page needs locked down", () => {
    for (const policy of [buildContentSecurityPolicy({ nonce: "abc" }, production), buildContentSecurityPolicy({ hashes: [hashA] }, production)]) {
      const d = directives(policy);
      expect(d.get("frame-ancestors")).toEqual(["'none'"]);
      expect(d.get("object-src")).toEqual(["'none'"]);
      expect(d.get("base-uri")).toEqual(["'self'"]);
      expect(d.get("script-src-attr")).toEqual(["'none'"]);
      expect(d.get("form-action")).toEqual(["'self'"]);
      expect(d.get("default-src")).toEqual(["'self'"]);
      expect(d.get("script-src")).not.toContain("'unsafe-inline'");
      expect(d.get("script-src")).not.toContain("'unsafe-eval'");
      expect(policy).not.toMatch(/report-uri|report-to/);
      expect(policy).not.toMatch(/[\n\r]/);
    }
  });

  it("gives a dynamic page its nonce with 'strict-dynamic', in a form Next reads back from the request header", () => {
    const nonce = createNonce();
    const policy = buildContentSecurityPolicy({ nonce }, production);
    expect(directives(policy).get("script-src")).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'", "'self'"]);
    expect(getScriptNonceFromHeader(policy)).toBe(nonce);
  });

  it("gives a prerendered page exactly its scripts' hashes and no nonce", () => {
    const policy = buildContentSecurityPolicy({ hashes: [hashA, hashB, hashA] }, production);
    expect(directives(policy).get("script-src")).toEqual(["'self'", hashA, hashB]);
    expect(getScriptNonceFromHeader(policy)).toBeUndefined();
    expect(policy).not.toContain("strict-dynamic");
  });

  it("allows eval only under next dev (React Refresh)", () => {
    expect(directives(buildContentSecurityPolicy({ nonce: "abc" }, { development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(buildContentSecurityPolicy({ hashes: [] }, { development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("reports violations where CSP_REPORT_URI says, and lets sign-in forms reach configured OAuth providers", () => {
    const d = directives(buildContentSecurityPolicy({ nonce: "abc" }, { ...production, reportUri: "/api/csp-report", formActionOrigins: formActionOrigins({ github: true, google: false }) }));
    expect(d.get("report-uri")).toEqual(["/api/csp-report"]);
    expect(d.get("report-to")).toEqual(["csp"]);
    expect(d.get("form-action")).toEqual(["'self'", "https://github.com"]);
    // With billing on, Checkout and the Customer Portal (and the test fake of Stripe, when configured) are allowed.
    expect(formActionOrigins({ github: false, google: false, stripe: true, stripeFake: "http://127.0.0.1:3221/x" })).toEqual(["https://checkout.stripe.com", "https://billing.stripe.com", "http://127.0.0.1:3221"]);
    expect(formActionOrigins({ github: false, google: false, stripe: false, stripeFake: "http://127.0.0.1:3221" })).toEqual([]);
  });

  it("makes a fresh, unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("choosing the policy of a request", () => {
  it("serves a prerendered page its hashes, with or without a trailing slash", () => {
    expect(prerenderedHashes(manifest, "/pricing")).toEqual([hashA, hashB]);
    expect(prerenderedHashes(manifest, "/pricing/")).toEqual([hashA, hashB]);
    expect(prerenderedHashes(manifest, "/")).toEqual([hashA]);
    const { policy, nonce } = contentSecurityPolicyFor("/pricing", manifest, production);
    expect(nonce).toBeNull();
    expect(directives(policy).get("script-src")).toEqual(["'self'", hashA, hashB]);
  });

  it("gives every page rendered per request a fresh nonce and no hashes", () => {
    for (const path of ["/sign-in", "/acme", "/acme/settings", "/constructor", "/__proto__"]) {
      const { policy, nonce } = contentSecurityPolicyFor(path, manifest, production, () => "fixed");
      expect(nonce, path).toBe("fixed");
      expect(directives(policy).get("script-src")).toEqual(["'nonce-fixed'", "'strict-dynamic'", "'self'"]);
    }
  });

  it("serves a path that matches no route the prerendered not-found page's hashes (Next answers it with that file)", () => {
    for (const path of ["/pricing/no-such-page", "/acme/settings/nothing/here"]) {
      const { policy, nonce } = contentSecurityPolicyFor(path, manifest, production);
      expect(nonce, path).toBeNull();
      expect(directives(policy).get("script-src")).toEqual(["'self'", notFound]);
    }
    // A not-found page rendered per request needs no special case: every unknown path gets a nonce.
    expect(contentSecurityPolicyFor("/pricing/no-such-page", { ...manifest, notFound: null }, production).nonce).toBeTruthy();
  });

  it("gives every page a nonce when there is no manifest (next dev)", () => {
    const { policy, nonce } = contentSecurityPolicyFor("/pricing", null, { development: true });
    expect(nonce).toEqual(expect.any(String));
    expect(getScriptNonceFromHeader(policy)).toBe(nonce);
  });

  it("refuses a manifest whose entries are not hash sources (nothing else may slip into script-src)", () => {
    expect(cspManifestSchema.safeParse(manifest).success).toBe(true);
    expect(cspManifestSchema.safeParse({ ...manifest, pages: { "/": ["'unsafe-inline'"] } }).success).toBe(false);
    expect(cspManifestSchema.safeParse({ ...manifest, notFound: ["https://evil.example"] }).success).toBe(false);
    expect(cspManifestSchema.safeParse({ ...manifest, routes: ["/pricing"] }).success).toBe(false);
    expect(cspManifestSchema.safeParse({ ...manifest, routes: ["^/(unclosed"] }).success).toBe(false);
    expect(cspManifestSchema.safeParse({ ...manifest, pages: { "/": [`${hashA}; script-src *`] } }).success).toBe(false);
  });
});
