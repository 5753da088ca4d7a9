import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server code outside Next, which is what `server-only` refuses by default: give them its no-op.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["{app,components,db,jobs,lib,scripts,test}/**/*.test.{ts,tsx}"],
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    environment: "node",
    // next-auth imports "next/server" without an extension, which only a bundler resolves: let Vite process it.
    server: { deps: { inline: ["next-auth"] } },
    // CI's second pass, through PgBouncer (.ci/run), keeps its own report beside the first.
    reporters: process.env.CI ? ["default", ["json", { outputFile: process.env.KEEL_TEST_DIRECT_URL ? "reports/vitest-pgbouncer.json" : "reports/vitest.json" }]] : ["default"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for the database. The embedded PGlite (no DATABASE_URL) is one database
    // shared by all files, so they run one at a time there.
    maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  },
});
