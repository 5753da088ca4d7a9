import { z } from "zod";

/*
 * The Content Security Policy of every response (proxy.ts sets it). Scripts run only when the policy names them:
 *
 * - Prerendered pages (built once, served as files) cannot carry a per-request nonce: their inline scripts (the
 *   App Router's `self.__next_f.push(...)` payload, the theme script) are hashed after `next build` by
 *   scripts/csp-hashes.ts into a manifest, and the policy of such a page lists exactly those hashes, beside 'self'
 *   for the `/_next/static` files the page and its router load. The prerendered not-found page is one of them: Next
 *   serves it at every path that matches no route, so the manifest keeps the build's route patterns to tell.
 * - Every other response gets a fresh nonce and 'strict-dynamic'. Next reads the nonce from the request's CSP
 *   header (set by proxy.ts) and puts it on every script it renders (the theme script gets it too, see
 *   components/theme-provider.tsx); scripts those load inherit the trust, and 'self' is ignored by browsers that
 *   understand 'strict-dynamic'.
 *
 * No 'unsafe-inline' for scripts anywhere (and so no inline event handlers); 'unsafe-eval' only under `next dev`,
 * whose React Refresh evaluates modules.
 */

const hashSource = z.string().regex(/^'sha256-[A-Za-z0-9+/]+={0,2}'$/);

/** The build's manifest (`<distDir>/csp-manifest.json`, written by scripts/csp-hashes.ts after `next build`). */
export const cspManifestSchema = z.object({
  version: z.literal(1),
  /** Path of each prerendered page → the CSP hash sources (`'sha256-…'`) of its inline scripts. */
  pages: z.record(z.string().startsWith("/"), z.array(hashSource)),
  /** The prerendered not-found page's hash sources (null when it renders per request). */
  notFound: z.array(hashSource).nullable(),
  /** The pattern of every route of the build (Next's routes manifest): a path matching none gets the not-found page. */
  routes: z.array(z.string().refine((source) => source.startsWith("^") && isRegExp(source), "must be an anchored regular expression")),
});

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export type CspManifest = z.infer<typeof cspManifestSchema>;

/** The file name of the manifest inside Next's dist directory. */
export const cspManifestFileName = "csp-manifest.json";

export type CspOptions = {
  /** `next dev`: React Refresh needs 'unsafe-eval'. Never in a production build. */
  development: boolean;
  /** Where browsers send violation reports (CSP_REPORT_URI); none when unset. */
  reportUri?: string;
  /** Origins a sign-in form may end up at: the OAuth providers that are configured (see `formActionOrigins`). */
  formActionOrigins?: string[];
};

export type ScriptSources = { nonce: string } | { hashes: string[] };

/** The policy for one response: scripts by nonce (with 'strict-dynamic') or by the hashes of a prerendered page. */
export function buildContentSecurityPolicy(scripts: ScriptSources, options: CspOptions): string {
  const scriptSrc = "nonce" in scripts ? [`'nonce-${scripts.nonce}'`, "'strict-dynamic'", "'self'"] : ["'self'", ...new Set(scripts.hashes)];
  if (options.development) scriptSrc.push("'unsafe-eval'");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...scriptSrc],
    // Inline event handlers (onclick="…") are never allowed: no 'unsafe-hashes', no 'unsafe-inline'.
    ["script-src-attr", "'none'"],
    // Styles allow inline on purpose. What injects them cannot carry a nonce or a stable hash: next-themes and
    // Radix's scroll lock create <style> elements at run time (a scrollbar width, a transition switch), Radix and
    // React set style="…" attributes on server-rendered markup, and a nonce in style-src would both switch
    // 'unsafe-inline' off and force prerendered pages to render per request. Injected CSS cannot run code; the
    // protection that matters (scripts) does not depend on it.
    ["style-src", "'self'", "'unsafe-inline'"],
    // Avatars are any https:// image a person links to; data: and blob: for icons and previews.
    ["img-src", "'self'", "data:", "blob:", "https:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(options.formActionOrigins ?? [])],
    ["frame-ancestors", "'none'"],
  ];
  if (options.reportUri) directives.push(["report-uri", options.reportUri], ["report-to", cspReportGroup]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The `report-to` group name; pair it with a `Reporting-Endpoints` header (`reportingEndpoints`). */
export const cspReportGroup = "csp";

/** The `Reporting-Endpoints` header value for CSP_REPORT_URI (newer browsers report there, older use report-uri). */
export function reportingEndpoints(reportUri: string): string {
  return `${cspReportGroup}="${reportUri}"`;
}

/** A fresh nonce: 16 random bytes, base64 (what CSP's nonce-source and Next's header parser accept). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const compiledRoutes = new WeakMap<CspManifest, RegExp[]>();

/**
 * The hash sources of the prerendered document Next answers `pathname` with, if it answers with one: a prerendered
 * page (a trailing slash is ignored), or the prerendered not-found page for a path that matches no route.
 * Undefined means the response is rendered per request.
 */
export function prerenderedHashes(manifest: CspManifest | null, pathname: string): string[] | undefined {
  if (!manifest) return undefined;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (Object.hasOwn(manifest.pages, path)) return manifest.pages[path];
  if (!manifest.notFound) return undefined;
  let routes = compiledRoutes.get(manifest);
  if (!routes) compiledRoutes.set(manifest, (routes = manifest.routes.map((source) => new RegExp(source))));
  return routes.some((route) => route.test(pathname)) ? undefined : manifest.notFound;
}

/**
 * The policy for a request to `pathname`: the prerendered page's hashes when the manifest has the path (no nonce:
 * the page is a file and stays one), otherwise a fresh nonce. `nonce` is what Next must read from the request.
 */
export function contentSecurityPolicyFor(
  pathname: string,
  manifest: CspManifest | null,
  options: CspOptions,
  nonce: () => string = createNonce,
): { policy: string; nonce: string | null } {
  const hashes = prerenderedHashes(manifest, pathname);
  if (hashes) return { policy: buildContentSecurityPolicy({ hashes }, options), nonce: null };
  const fresh = nonce();
  return { policy: buildContentSecurityPolicy({ nonce: fresh }, options), nonce: fresh };
}

/**
 * The origins a form may redirect to: the configured OAuth providers' authorization pages, and with billing on,
 * Stripe Checkout and the Customer Portal (`stripeFake`: the test fake's origin, from UNSAFE_STRIPE_API_URL).
 */
export function formActionOrigins(providers: { github: boolean; google: boolean; stripe?: boolean; stripeFake?: string }): string[] {
  return [
    ...(providers.github ? ["https://github.com"] : []),
    ...(providers.google ? ["https://accounts.google.com"] : []),
    ...(providers.stripe ? ["https://checkout.stripe.com", "https://billing.stripe.com"] : []),
    ...(providers.stripe && providers.stripeFake ? [new URL(providers.stripeFake).origin] : []),
  ];
}
