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
import { startDevExecutor, type DevExecutor } from "./inngest-dev";
import { isEmpty, seedDemoData } from "./seed";
import { seedDemoHistory } from "./seed-history";

const require = createRequire(import.meta.url);
const port = Number(process.env.PORT ?? 3000);
let embedded: EmbeddedPostgres | undefined;
let executor: DevExecutor | undefined;
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
    const orgs = await seedDemoHistory();
    console.log(`dev: seeded 18 months of history for ${orgs} organizations (admin@keel.test sees it at /admin)`);
  }
  await closeDatabase();

  // Jobs: Keel's dev executor unless Inngest is configured (keys for the cloud, or INNGEST_DEV for a dev server).
  if (!process.env.INNGEST_DEV && !process.env.INNGEST_EVENT_KEY && !process.env.INNGEST_SIGNING_KEY) {
    executor = await startDevExecutor({
      serveUrl: `http://localhost:${port}/api/inngest`,
      port: Number(process.env.INNGEST_DEV_PORT ?? 8288),
      // The first sync compiles /api/inngest with every job in it; let the first page be compiled first.
      firstSyncDelayMs: 20_000,
    });
    process.env.INNGEST_DEV = executor.url;
    console.log(`dev: job executor at ${executor.url} (runs at http://localhost:${port}/dev/jobs)`);
  }

  // Development keeps the sign-in limits (they must be testable); this says how to clear them (README, "Rate limits in development").
  console.log(
    process.env.UPSTASH_REDIS_REST_URL
      ? `dev: rate limits (sign-in, sign-up, email links) live in Upstash under keel:${process.env.CACHE_NAMESPACE ?? "development"}#rl: delete those keys to clear them`
      : "dev: rate limits (sign-in, sign-up, email links) live in this process's memory: restart npm run dev to clear them",
  );
  const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", "-p", String(port), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: process.env,
  });
  const forward = (signal: NodeJS.Signals) => () => next.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  exitCode = await new Promise<number>((resolve) => next.on("exit", (c) => resolve(c ?? 0)));
}, async () => {
  await executor?.stop();
  // Closing PGlite flushes it to disk: the data is there on the next start.
  await embedded?.stop();
});
process.exit(exitCode);
