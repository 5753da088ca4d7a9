import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{app,components,db,jobs,lib,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    environment: "node",
    reporters: process.env.CI ? ["default", ["json", { outputFile: "reports/vitest.json" }]] : ["default"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for the database.
    maxWorkers: 2,
  },
});
