// npm run bench:app - a signed-in GET /{orgSlug}/projects on a production build under load (autocannon, 32
// connections, 20 s after a 5 s warm-up), with the cache on and off, alternated over several rounds on freshly
// started servers: requests per second, p50, p99, max, requests over 1 s, the server's CPU ms per request and peak
// RSS, and the SQL statements one warm request sends to Postgres (from the server log, log_statement = 'all').
//
// It fails (exit code 1) when the cache makes a request cost more CPU than no cache: median CPU ms per request with
// the cache on above BENCH_CACHE_TOLERANCE (default 1.1) times the median with it off. CPU per request is used
// because it suffers far less from a busy machine than requests per second.
//
// Settings: BENCH_DURATION (s, default 20), BENCH_ROUNDS (on/off pairs, default 3), BENCH_CACHE_MODES (an explicit
// order such as "on,off,off,on", instead of rounds), BENCH_PORT (default 3200), BENCH_NODE_ARGS (node flags of the
// server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile each run).
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import os from "node:os";
import postgres from "postgres";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/test/scratch-database";
import { runCli } from "../cli";
import { benchSessionCookie, ensureBuild } from "./bench-setup";
import { median, meterProcess } from "./process-meter";
import { countStatements, waitFor } from "./server-log";
import { seedDemoData } from "../seed";

const require = createRequire(import.meta.url);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TOLERANCE = Number(process.env.BENCH_CACHE_TOLERANCE ?? 1.1);
const CONNECTIONS = 32;
const PAGE = "/acme/projects";

type Mode = "on" | "off";
type Run = { mode: Mode; rps: number; p50: number; p99: number; max: number; over1s: number; cpuMsPerRequest: number; peakRssMb: number; errors: number };

function startServer(env: Record<string, string>): ChildProcess {
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Alternates modes, swapping the order every round, so neither mode always runs first (or on a warmer machine). */
function schedule(): Mode[] {
  if (process.env.BENCH_CACHE_MODES) return process.env.BENCH_CACHE_MODES.split(",").filter((m): m is Mode => m === "on" || m === "off");
  return Array.from({ length: ROUNDS }, (_, i) => (i % 2 ? (["off", "on"] as const) : (["on", "off"] as const))).flat();
}

/** One load run: autocannon's figures, slow requests counted one by one, and what the server spent. */
async function load(url: string, cookie: string, duration: number, pid: number): Promise<Omit<Run, "mode">> {
  const meter = meterProcess(pid);
  let over1s = 0;
  // Without a callback autocannon returns its run: a promise of the result that is also an event emitter.
  const instance = autocannon({ url, connections: CONNECTIONS, duration, headers: { cookie } }) as Promise<autocannon.Result> & EventEmitter;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => {
    if (responseTimeMs > 1_000) over1s++;
  });
  const result = await instance;
  const cost = meter.stop();
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    over1s,
    cpuMsPerRequest: cost.cpuMs / Math.max(1, result.requests.total),
    peakRssMb: cost.peakRssMb,
    errors: result.errors + result.non2xx,
  };
}

const range = (values: number[], digits = 0) => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)})`;

await runCli("bench:app", async () => {
  ensureBuild("bench:app");
  const server = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres";
  const scratch = await createScratchDatabase(server, "keel_bench");
  const runs: Run[] = [];
  const statements: Partial<Record<Mode, number | null>> = {};
  try {
    await migrateDatabase(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    await seedDemoData();
    await closeDatabase();
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const cookie = await benchSessionCookie(sql, "owner@acme.test");
    // Every statement of this database goes to the server log; new connections only, so before the server starts.
    await sql.unsafe(`alter database "${scratch.name}" set log_statement = 'all'`);
    await sql.end();

    const url = `http://localhost:${PORT}${PAGE}`;
    for (const mode of schedule()) {
      const child = startServer({
        DATABASE_URL: scratch.url,
        EMAIL_TRANSPORT: "dev-mailbox",
        // Production refuses to start without a job transport; the page sends no events, so none needs to listen.
        UNSAFE_TEST_ONLY_DEV_TOOLS: "1",
        INNGEST_DEV: "http://127.0.0.1:9",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        AUTH_URL: `http://localhost:${PORT}`,
        LOG_LEVEL: "warn",
        CACHE_DISABLED: mode === "off" ? "1" : "",
      });
      try {
        await waitFor(`http://localhost:${PORT}/api/health`);
        const page = await fetch(url, { headers: { cookie } });
        if (page.status !== 200 || !(await page.text()).includes("Website relaunch")) throw new Error(`${PAGE} answered ${page.status} without the seeded projects`);
        if (!(mode in statements)) {
          statements[mode] = await countStatements(scratch.name, async () => {
            await fetch(url, { headers: { cookie } }).then((r) => r.text());
          });
        }
        await load(url, cookie, 5, child.pid!);
        const run = { mode, ...(await load(url, cookie, DURATION, child.pid!)) };
        runs.push(run);
        console.log(
          `bench:app: run ${runs.length} cache ${mode}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, max ${run.max} ms, ${run.over1s} over 1 s, ${run.cpuMsPerRequest.toFixed(2)} CPU ms/request, peak RSS ${run.peakRssMb.toFixed(0)} MB, ${run.errors} errors`,
        );
      } finally {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    }
  } finally {
    await scratch.drop();
  }

  console.log(`\nbench:app: GET ${PAGE} signed in as owner@acme.test, next start, ${CONNECTIONS} connections, ${DURATION} s a run, ${os.cpus().length} cores; median (range) over the runs of each mode\n`);
  console.log("cache  runs  req/s           p50 ms          p99 ms            max ms            >1 s     CPU ms/req        peak RSS MB     SQL/req  errors");
  const medians: Partial<Record<Mode, number>> = {};
  for (const mode of ["on", "off"] as const) {
    const of = runs.filter((r) => r.mode === mode);
    if (of.length === 0) continue;
    const pick = (f: (r: Run) => number, digits?: number) => range(of.map(f), digits);
    medians[mode] = median(of.map((r) => r.cpuMsPerRequest));
    console.log(
      [
        mode.padEnd(6),
        String(of.length).padEnd(5),
        pick((r) => r.rps).padEnd(15),
        pick((r) => r.p50).padEnd(15),
        pick((r) => r.p99).padEnd(17),
        pick((r) => r.max).padEnd(17),
        String(of.reduce((s, r) => s + r.over1s, 0)).padEnd(8),
        pick((r) => r.cpuMsPerRequest, 2).padEnd(17),
        pick((r) => r.peakRssMb).padEnd(15),
        String(statements[mode] ?? "n/a").padEnd(8),
        String(of.reduce((s, r) => s + r.errors, 0)),
      ].join(" "),
    );
  }
  if (medians.on !== undefined && medians.off !== undefined) {
    const ratio = medians.on / medians.off;
    console.log(`\ncache on / off, CPU ms per request (medians): ${ratio.toFixed(2)} (fails above ${TOLERANCE})`);
    if (ratio > TOLERANCE) {
      console.error(`bench:app: FAILED: with the cache on a request costs ${((ratio - 1) * 100).toFixed(0)}% more server CPU than with it off`);
      process.exitCode = 1;
    }
  }
});
