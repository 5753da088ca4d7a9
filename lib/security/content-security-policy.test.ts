import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { contentSecurityPolicy, loadCspManifest, resetCspManifest } from "./content-security-policy";
import type { CspManifest } from "./csp";

const hash = "'sha256-AW8YyfvPfYzUwJkwspM9TFZlGxVLeftzEax1znLgAto='";
let distDir: string;

function writeManifest(manifest: unknown) {
  fs.writeFileSync(path.join(distDir, "csp-manifest.json"), JSON.stringify(manifest));
}

describe("the proxy's Content Security Policy hook", () => {
  beforeEach(() => {
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-csp-"));
    stubEnv("NEXT_DIST_DIR", path.relative(process.cwd(), distDir));
    resetCspManifest();
  });
  afterEach(() => {
    unstubAllEnvs();
    resetCspManifest();
    vi.restoreAllMocks();
    fs.rmSync(distDir, { recursive: true, force: true });
  });

  it("puts a dynamic page's nonce on the request for Next and the same policy on the response", () => {
    writeManifest({ version: 1, pages: { "/": [hash] }, notFound: null, routes: ["^/(?:/)?$", "^/([^/]+?)/settings(?:/)?$"] } satisfies CspManifest);
    const request = new Headers();
    const csp = contentSecurityPolicy("/acme/settings", request);
    const response = new Response();
    csp.apply(response);
    expect(csp.nonce).toBeTruthy();
    expect(getScriptNonceFromHeader(request.get("content-security-policy")!)).toBe(csp.nonce);
    expect(response.headers.get("content-security-policy")).toBe(request.get("content-security-policy"));
    expect(response.headers.get("reporting-endpoints")).toBeNull();
  });

  it("gives a prerendered page of the build's manifest its hashes and no nonce", () => {
    writeManifest({ version: 1, pages: { "/": [hash] }, notFound: null, routes: ["^/(?:/)?$", "^/([^/]+?)/settings(?:/)?$"] } satisfies CspManifest);
    const response = new Response();
    const csp = contentSecurityPolicy("/", new Headers());
    csp.apply(response);
    expect(csp.nonce).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain(`script-src 'self' ${hash};`);
  });

  it("ignores a manifest under next dev, which prerenders nothing (one left by an earlier build is stale)", () => {
    writeManifest({ version: 1, pages: { "/": [hash] }, notFound: null, routes: [] } satisfies CspManifest);
    stubEnv("NODE_ENV", "development");
    const response = new Response();
    const csp = contentSecurityPolicy("/", new Headers());
    csp.apply(response);
    expect(csp.nonce).toBeTruthy();
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic' 'self' 'unsafe-eval';/);
  });

  it("sends reports to CSP_REPORT_URI, by report-uri and the Reporting API", () => {
    stubEnv("CSP_REPORT_URI", "https://reports.example.com/csp");
    const response = new Response();
    contentSecurityPolicy("/acme", new Headers()).apply(response);
    expect(response.headers.get("content-security-policy")).toContain("report-uri https://reports.example.com/csp; report-to csp");
    expect(response.headers.get("reporting-endpoints")).toBe('csp="https://reports.example.com/csp"');
  });

  it("says loudly when a production server has no manifest, and then gives every page a nonce", () => {
    stubEnv("NODE_ENV", "production");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(loadCspManifest()).toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/csp-manifest\.json is missing: prerendered pages will have their scripts blocked/));
    expect(contentSecurityPolicy("/", new Headers()).nonce).toBeTruthy();
  });

  it("refuses a manifest that is not one (nothing from a bad file reaches script-src)", () => {
    writeManifest({ version: 1, pages: { "/": ["*"] }, notFound: null, routes: [] });
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(loadCspManifest()).toBeNull();
  });

  it("rejects a CSP_REPORT_URI that could smuggle directives into the header", async () => {
    const { parseEnv } = await import("@/lib/env");
    expect(parseEnv({ CSP_REPORT_URI: "/api/csp-report" }).problems).toEqual([]);
    expect(parseEnv({ CSP_REPORT_URI: "https://r.example.com/csp?x=1" }).problems).toEqual([]);
    for (const bad of ["https://r.example.com/csp; script-src *", "/csp; script-src *", "javascript:alert(1)", "//evil.example/csp", "csp-report"]) {
      expect(parseEnv({ CSP_REPORT_URI: bad }).problems).toEqual(["CSP_REPORT_URI must be an http(s):// URL or a path starting with /"]);
    }
  });
});
