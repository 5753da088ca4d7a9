import type { NextConfig } from "next";
import pkg from "./package.json" with { type: "json" };

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or worker-thread packages that must load from node_modules at runtime, not from the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pino", "postgres", "@electric-sql/pglite"],
  env: { KEEL_VERSION: pkg.version },
};

export default nextConfig;
