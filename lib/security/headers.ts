/*
 * Security headers that are the same on every response, static files included (next.config.ts sends them, so
 * they need no request). The Content Security Policy differs per response and is set by proxy.ts
 * (lib/security/csp.ts). No environment reads or server-only imports here: next.config.ts loads this file.
 */

/** The headers every response carries; `production` adds HSTS (browsers ignore it on plain http anyway). */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Older browsers' frame-ancestors: nobody may frame these pages (clickjacking).
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
    // A page opened from another site gets no handle on this window, nor this one on it. (OAuth and Stripe use
    // redirects, not popups.)
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
