import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/headers";
import pkg from "./package.json" with { type: "json" };

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets several dev servers run side by side from one checkout (each with its own NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Native or worker-thread packages that must load from node_modules at runtime, not from the bundle; and large
  // server-only SDKs that Turbopack would otherwise compile into the first page of `npm run dev` that reaches them
  // (Inngest's comes with every action through jobs/events.ts): Node loads them as they are (npm run bench:dev).
  serverExternalPackages: [
    "@node-rs/argon2",
    "pino",
    "postgres",
    "@electric-sql/pglite",
    "@react-pdf/renderer",
    "inngest",
    "stripe",
    "@zxcvbn-ts/core",
    "@zxcvbn-ts/language-common",
    "@zxcvbn-ts/language-en",
    "qrcode",
    "otpauth",
  ],
  env: { KEEL_VERSION: pkg.version },
  // The dev job executor re-syncs every few seconds; its PUTs to /api/inngest are not news (the executor itself
  // logs when the functions change).
  logging: { incomingRequests: { ignore: [/^\/api\/inngest/] } },
  // The same on every response, static files too; the per-page Content Security Policy comes from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
