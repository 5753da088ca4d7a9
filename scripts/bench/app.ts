// npm run bench:app - a signed-in GET /{orgSlug}/projects on a production build under load (autocannon, 32
// connections, 20 s after a 5 s warm-up), with the cache on and off: requests per second, p50, p99, and the SQL
// statements one warm request sends to Postgres (counted from the server log, with log_statement = 'all').
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import postgres from "postgres";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/test/scratch-database";
import { runCli } from "../cli";
import { countStatements, waitFor } from "./server-log";
import { seedDemoData } from "../seed";

const require = createRequire(import.meta.url);
const PORT = 3200;
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const PAGE = "/acme/projects";


function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}


await runCli("bench:app", async () => {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("bench:app: building (next build)…");
    if (spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  const server = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres";
  const scratch = await createScratchDatabase(server, "keel_bench");
  try {
    await migrateDatabase(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    await seedDemoData();
    await closeDatabase();
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const token = randomBytes(32).toString("base64url");
    await sql`insert into sessions (session_token, user_id, expires, user_agent, ip, last_seen_at)
      select encode(sha256(convert_to(${token}, 'UTF8')), 'hex'), id, now() + interval '30 days', 'bench', '127.0.0.1', now() from users where email = 'owner@acme.test'`;
    // Every statement of this database goes to the server log; new connections only, so before the server starts.
    await sql.unsafe(`alter database "${scratch.name}" set log_statement = 'all'`);
    await sql.end();

    const cookie = `keel.session=${token}`;
    const rows: string[] = [];
    // BENCH_CACHE_MODES (default "on,off") repeats or reorders the runs, to see order effects and run-to-run noise.
    const modes = (process.env.BENCH_CACHE_MODES ?? "on,off").split(",").filter((m): m is "on" | "off" => m === "on" || m === "off");
    for (const mode of modes) {
      const child = startServer({
        DATABASE_URL: scratch.url,
        EMAIL_TRANSPORT: "dev-mailbox",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        AUTH_URL: `http://localhost:${PORT}`,
        LOG_LEVEL: "warn",
        CACHE_DISABLED: mode === "off" ? "1" : "",
      });
      try {
        await waitFor(`http://localhost:${PORT}/api/health`);
        const page = await fetch(`http://localhost:${PORT}${PAGE}`, { headers: { cookie } });
        if (page.status !== 200 || !(await page.text()).includes("Website relaunch")) throw new Error(`${PAGE} answered ${page.status} without the seeded projects`);
        const statements = await countStatements(scratch.name, async () => {
          await fetch(`http://localhost:${PORT}${PAGE}`, { headers: { cookie } }).then((r) => r.text());
        });
        const run = (duration: number) =>
          autocannon({ url: `http://localhost:${PORT}${PAGE}`, connections: 32, duration, headers: { cookie } });
        await run(5);
        const result = await run(DURATION);
        const errors = result.errors + result.non2xx;
        rows.push(
          `${mode.padEnd(6)} ${String(Math.round(result.requests.average)).padEnd(8)} ${`${result.latency.p50} ms`.padEnd(9)} ${`${result.latency.p99} ms`.padEnd(9)} ${String(statements ?? "n/a").padEnd(11)} ${errors}`,
        );
      } finally {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    }
    console.log(`bench:app: GET ${PAGE} signed in as owner@acme.test, next start, 32 connections, ${DURATION} s\n`);
    console.log("cache  req/s    p50       p99       SQL/request errors");
    for (const row of rows) console.log(row);
  } finally {
    await scratch.drop();
  }
});
