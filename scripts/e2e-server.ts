// The server Playwright tests against: a fresh database (a scratch database on the server of DATABASE_URL,
// or an in-memory embedded one), migrated and seeded, then `next start` on the production build.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/scratch-database";
import { runCli } from "./cli";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { seedDemoData } from "./seed";

const require = createRequire(import.meta.url);
const port = process.env.PORT ?? "3100";
let teardown: (() => Promise<void>) | undefined;
let exitCode = 0;

await runCli(
  "e2e-server",
  async () => {
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL, "keel_e2e");
      teardown = scratch.drop;
      process.env.DATABASE_URL = scratch.url;
    } else {
      const embedded = await startEmbeddedPostgres();
      teardown = embedded.stop;
      process.env.DATABASE_URL = embedded.url;
      process.env.KEEL_EMBEDDED_DB = "1";
    }
    await migrateDatabase(process.env.DATABASE_URL);
    await seedDemoData();
    await closeDatabase();

    const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", port], { stdio: "inherit", env: process.env });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
    exitCode = await new Promise<number>((resolve) => next.on("exit", (code) => resolve(code ?? 0)));
  },
  async () => teardown?.(),
);
process.exit(exitCode);
