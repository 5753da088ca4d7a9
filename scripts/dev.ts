// npm run dev - everything a newcomer needs: a database (embedded when DATABASE_URL is unset), migrated and
// seeded, then `next dev` on http://localhost:3000 with the database's URL in its environment.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { parseDatabaseUrl, redactUrl } from "@/db/url";
import { runCli } from "./cli";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { isEmpty, seedDemoData } from "./seed";

const require = createRequire(import.meta.url);
let embedded: EmbeddedPostgres | undefined;
let exitCode = 0;

await runCli("dev", async () => {
  if (!process.env.DATABASE_URL) {
    const dataDir = path.join(process.cwd(), ".data", "pglite");
    embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
    process.env.DATABASE_URL = embedded.url;
    process.env.KEEL_EMBEDDED_DB = "1";
    console.log(`dev: embedded Postgres (PGlite) in .data/pglite, reachable at ${embedded.url}`);
  }
  const url = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(url);
  console.log(`dev: ${redactUrl(url)} migrated`);
  if (embedded && (await isEmpty())) {
    const added = await seedDemoData();
    console.log(`dev: seeded ${added} demo rows (sign in as owner@acme.test / keel-demo-password)`);
  }
  await closeDatabase();

  const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: process.env,
  });
  const forward = (signal: NodeJS.Signals) => () => next.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  exitCode = await new Promise<number>((resolve) => next.on("exit", (c) => resolve(c ?? 0)));
}, async () => {
  // Closing PGlite flushes it to disk: the data is there on the next start.
  await embedded?.stop();
});
process.exit(exitCode);
