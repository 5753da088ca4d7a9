// npm run bench:dev - what a developer waits for in `npm run dev`: from a cold start (an empty dist dir, a fresh
// process) to the first 200 of a page, for the signed-in /acme/projects and for the landing page /, each on its own
// cold start; then, on the warm server, a warm request and the first request after an edit of the projects page (the
// recompile a save costs). Prints the figures; runs against a scratch database on DATABASE_URL's server.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/test/scratch-database";
import { runCli } from "../cli";
import { seedDemoData } from "../seed";
import { benchSessionCookie } from "./bench-setup";

const PORT = Number(process.env.BENCH_PORT ?? 3161);
const DIST = ".next-bench-dev";
const EDITED = "app/[orgSlug]/projects/page.tsx";
const base = `http://localhost:${PORT}`;

/** Milliseconds until `url` answers 200 (connection refused and 5xx while compiling are retried). */
async function timeTo200(url: string, cookie: string | undefined, since: number, timeoutMs = 300_000): Promise<number> {
  while (Date.now() - since < timeoutMs) {
    const status = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" }).then(
      async (r) => (await r.arrayBuffer(), r.status),
      () => 0,
    );
    if (status === 200) return Date.now() - since;
    if (status !== 0 && status < 500) throw new Error(`${url} answered ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

function startDev(databaseUrl: string): ChildProcess {
  fs.rmSync(DIST, { recursive: true, force: true });
  return spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), NEXT_DIST_DIR: DIST, INNGEST_DEV_PORT: "0", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
    stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"],
    detached: true,
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let original: string | undefined;
const restore = () => {
  if (original !== undefined) fs.writeFileSync(EDITED, original);
  original = undefined;
};

await runCli(
  "bench:dev",
  async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres", "keel_bench_dev");
    try {
      await migrateDatabase(scratch.url);
      process.env.DATABASE_URL = scratch.url;
      await seedDemoData();
      await closeDatabase();
      const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
      const cookie = await benchSessionCookie(sql, "owner@acme.test");
      await sql.end();

      const rows: Array<[string, string]> = [];
      // The landing page on a cold start of its own.
      let started = Date.now();
      let child = startDev(scratch.url);
      try {
        rows.push(["cold start to first 200 of /", seconds(await timeTo200(`${base}/`, undefined, started))]);
      } finally {
        await stop(child);
      }

      // The signed-in page on another cold start, then a warm request and an edit.
      started = Date.now();
      child = startDev(scratch.url);
      try {
        rows.push(["cold start to first 200 of /acme/projects (signed in)", seconds(await timeTo200(`${base}/acme/projects`, cookie, started))]);
        let t = Date.now();
        rows.push(["warm request of /acme/projects", `${await timeTo200(`${base}/acme/projects`, cookie, t)} ms`]);
        original = fs.readFileSync(EDITED, "utf8");
        fs.writeFileSync(EDITED, `${original}\n// bench:dev edit ${Date.now()}\n`);
        t = Date.now();
        // Turbopack notices the change through its file watcher; the next request waits for the recompile.
        await new Promise((r) => setTimeout(r, 300));
        rows.push(["first request after an edit of the page", `${(await timeTo200(`${base}/acme/projects`, cookie, t)) - 300} ms`]);
        restore();
        t = Date.now();
        rows.push(["first 200 of / on that warm server", seconds(await timeTo200(`${base}/`, undefined, t))]);
      } finally {
        restore();
        await stop(child);
      }

      console.log(`\nbench:dev (next dev, Turbopack; ${path.basename(DIST)} emptied before each start; ${new Date().toISOString()})`);
      const width = Math.max(...rows.map(([k]) => k.length));
      for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    } finally {
      fs.rmSync(DIST, { recursive: true, force: true });
      await scratch.drop();
    }
  },
  async () => restore(),
);
