import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The architecture, enforced where it can be: what production code may import, and who reads the environment.
const tests = ["**/*.test.ts", "**/*.test.tsx"];
const testSupport = { group: ["@/test", "@/test/*", "**/test/*"], message: "test/ is test support: production code never imports it." };
const rawConnection = {
  name: "@/db/client",
  importNames: ["db", "primaryDb", "database", "connect"],
  message: "Outside db/, data goes through withTenant, withUser, withSystem(reason) or a named public query in db/queries.",
};
const sqlInDb = { group: ["drizzle-orm", "drizzle-orm/*"], allowTypeImports: true, message: "SQL lives in db/: add a query function in db/queries." };
const schemaValues = { group: ["@/db/schema", "@/db/schema/*"], allowTypeImports: true, message: "Table objects are for db/queries; import types only." };
const dbInRoutes = {
  group: ["@/db/*", "!@/db/schema", "!@/db/schema/*"],
  allowTypeImports: true,
  message: "Pages, routes and components read and write through lib/ (orgPage's load, action(), route()), never db/ directly.",
};
const restrict = (...patterns) => ({ paths: [rawConnection], patterns: [testSupport, ...patterns] });
const envOnlyInLibEnv = [
  "error",
  { object: "process", property: "env", message: "Read settings with env() from lib/env.ts, the one validated reader of process.env." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "next-env.d.ts", "playwright-report/**", "test-results/**"] },
  {
    files: ["db/**/*.ts"],
    ignores: tests,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [testSupport] }], "no-restricted-properties": envOnlyInLibEnv },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "jobs/**/*.ts", "proxy.ts"],
    ignores: [...tests, "lib/env.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", restrict(sqlInDb, schemaValues)], "no-restricted-properties": envOnlyInLibEnv },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: tests,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", restrict(sqlInDb, schemaValues, dbInRoutes)], "no-restricted-properties": envOnlyInLibEnv },
  },
];

export default config;
