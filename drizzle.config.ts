import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL migrations from the schema. Never `drizzle-kit push`: with roles enabled it
// would try to drop every role it doesn't know, and it skips the custom RLS migrations.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres" },
  strict: true,
  verbose: true,
});
