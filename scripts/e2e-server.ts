// The server Playwright tests against: a fresh database (a scratch database on the server of DATABASE_URL,
// or an in-memory embedded one), migrated and seeded, the dev job executor, the dev mailbox, then `next start`
// on the production build.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/test/scratch-database";
import { startStripeFake } from "@/test/stripe-fake";
import { runCli } from "./cli";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { startDevExecutor } from "./inngest-dev";
import { seedDemoData } from "./seed";
import { seedDemoHistory } from "./seed-history";

const require = createRequire(import.meta.url);
const port = process.env.PORT ?? "3100";
const teardowns: Array<() => Promise<void>> = [];
let exitCode = 0;

await runCli(
  "e2e-server",
  async () => {
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL, "keel_e2e");
      teardowns.push(scratch.drop);
      process.env.DATABASE_URL = scratch.url;
    } else {
      const embedded = await startEmbeddedPostgres();
      teardowns.push(embedded.stop);
      process.env.DATABASE_URL = embedded.url;
      process.env.KEEL_EMBEDDED_DB = "1";
    }
    await migrateDatabase(process.env.DATABASE_URL);
    await seedDemoData();
    // The admin metrics journey needs charts with something in them; a few seconds of seeding at most.
    await seedDemoHistory({ orgs: 200 });
    await closeDatabase();

    // The one switch that lets a production build serve Inngest's unsigned dev mode, the dev mailbox and /dev
    // pages, and only to this machine's own connections (the executor below, the browser under test).
    process.env.UNSAFE_TEST_ONLY_DEV_TOOLS = "1";
    // Journeys play the load balancer: each browser context names its own address in X-Forwarded-For, so the
    // per-IP limits of sign-up and sign-in see many visitors, as production does behind one.
    process.env.TRUSTED_PROXY ??= "1";
    const executor = await startDevExecutor({ serveUrl: `http://localhost:${port}/api/inngest`, port: 0, baseBackoffMs: 200 });
    teardowns.unshift(executor.stop);
    process.env.INNGEST_DEV = executor.url;
    // A production build, but no mail leaves the machine: emails land in the dev mailbox the journeys read.
    process.env.EMAIL_TRANSPORT = "dev-mailbox";
    // Journeys point webhook endpoints at receivers on this machine, which production otherwise refuses.
    process.env.UNSAFE_WEBHOOKS_ALLOW_LOOPBACK = "1";
    // Production refuses to start without a secret; plain-http AUTH_URL keeps cookies usable on http://localhost.
    process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
    process.env.AUTH_URL ??= `http://localhost:${port}`;
    // Billing against the local Stripe fake: its checkout page pays, returns to Keel and posts the signed events.
    const webhookSecret = `whsec_${randomBytes(16).toString("hex")}`;
    const stripe = await startStripeFake({ webhookSecret, webhookUrl: `http://localhost:${port}/api/webhooks/stripe`, skipTrials: true });
    stripe.seedCatalog();
    teardowns.unshift(stripe.close);
    Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_e2e", STRIPE_WEBHOOK_SECRET: webhookSecret, UNSAFE_STRIPE_API_URL: stripe.url });

    const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", port], { stdio: "inherit", env: process.env });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
    exitCode = await new Promise<number>((resolve) => next.on("exit", (code) => resolve(code ?? 0)));
  },
  async () => {
    for (const teardown of teardowns) await teardown().catch(() => {});
  },
);
process.exit(exitCode);
