// npm run bench:soak [-- --minutes 5] - a production build under 32 connections for N minutes, over a mix of
// signed-in pages, JSON API reads and writes (each write enqueues a job event through the outbox), with three faults
// in turn: the Redis behind the Upstash bridge stopped for 30 s, the dev job executor stopped for 30 s, and Postgres
// restarted. Prints failed requests per phase, latency, RSS slope after warm-up, and whether every event written to
// the outbox reached the job executor exactly once after recovery. Exit code 1 when requests failed outside the
// Postgres restart, or events were lost or sent twice.
//
// Everything it stops is its own: a private Postgres (initdb under the OS temp dir, port SOAK_PORT+5), a private
// redis-server (SOAK_PORT+6) behind an in-process bridge (SOAK_PORT+7), and an in-process executor (SOAK_PORT+9)
// behind a recording proxy (SOAK_PORT+8). The shared Postgres and Redis are never touched. Linux, run as root or
// as the postgres user (initdb refuses root: it is run through `runuser -u postgres`).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { hashToken } from "@/lib/auth/tokens";
import { runCli } from "../cli";
import { startDevExecutor, type DevExecutor } from "../inngest-dev";
import { startRedisRestBridge, type RedisRestBridge } from "../redis-rest-bridge";
import { seedDemoData } from "../seed";
import { benchSessionCookie } from "./bench-setup";
import { percentile } from "./stats";
import { median, meterProcess, slope } from "./process-meter";
import { waitFor } from "./server-log";

const require = createRequire(import.meta.url);
const { values: flags } = parseArgs({ options: { minutes: { type: "string", default: process.env.SOAK_MINUTES ?? "5" } } });
const MINUTES = Number(flags.minutes);
const BASE = Number(process.env.SOAK_PORT ?? 3150);
const APP_PORT = BASE + 1;
const PG_PORT = BASE + 5;
const REDIS_PORT = BASE + 6;
const BRIDGE_PORT = BASE + 7;
const JOBS_PORT = BASE + 8;
const EXECUTOR_PORT = BASE + 9;
const CONNECTIONS = 32;
const FAULT_MS = 30_000;
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

type Kind = "page" | "api-read" | "api-write" | "health";
type Sample = { at: number; kind: Kind; status: number; ms: number };
type Phase = { name: string; from: number; to: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const asPostgres = (args: string[]) => {
  const result = spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.stderr || result.stdout}`);
};

/** A private Postgres cluster on PG_PORT, in a temp dir the postgres user owns. */
function startPostgres(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chownSync(dir, Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()), Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()));
  asPostgres([`${PG_BIN}/initdb`, "-D", dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const ctl = (...args: string[]) => asPostgres([`${PG_BIN}/pg_ctl`, "-D", dir, "-w", "-l", `${dir}/server.log`, "-o", `-p ${PG_PORT} -k /tmp -c fsync=off -c max_connections=100`, ...args]);
  ctl("start");
  // Restarted without blocking: the load goes on while Postgres is down.
  const restart = () =>
    new Promise<void>((resolve) =>
      spawn("runuser", ["-u", "postgres", "--", `${PG_BIN}/pg_ctl`, "-D", dir, "-w", "-l", `${dir}/server.log`, "-o", `-p ${PG_PORT} -k /tmp -c fsync=off -c max_connections=100`, "restart", "-m", "fast"], { stdio: "ignore" }).once("exit", () => resolve()),
    );
  return { url: `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`, restart, stop: () => ctl("stop", "-m", "fast") };
}

function startRedis(): ChildProcess {
  return spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
}

/**
 * The job transport as the app sees it: a proxy in front of the executor that records the id of every event the
 * app hands over (by its event API, POST /e/<key>), and can be stopped and started like a job server going away.
 */
function jobsProxy(received: Map<string, number>) {
  let server: http.Server | undefined;
  const sockets = new Set<import("node:net").Socket>();
  const start = () =>
    new Promise<void>((resolve) => {
      server = http.createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks);
        try {
          const upstream = await fetch(`http://127.0.0.1:${EXECUTOR_PORT}${req.url}`, {
            method: req.method,
            headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k)) as Array<[string, string]>),
            body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
          });
          const text = Buffer.from(await upstream.arrayBuffer());
          if (req.method === "POST" && req.url?.startsWith("/e/") && upstream.ok) {
            const payload = JSON.parse(body.toString("utf8")) as { id?: string; name?: string } | Array<{ id?: string; name?: string }>;
            for (const event of Array.isArray(payload) ? payload : [payload]) if (event.id) received.set(event.id, (received.get(event.id) ?? 0) + 1);
          }
          res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" }).end(text);
        } catch {
          res.writeHead(502).end();
        }
      });
      server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
      server.listen(JOBS_PORT, "127.0.0.1", () => resolve());
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (server) server.close(() => resolve());
      else resolve();
    });
  return { start, stop };
}

await runCli("bench:soak", async () => {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run npm run build first");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-soak-"));
  fs.chmodSync(workDir, 0o755);
  const pg = startPostgres(path.join(workDir, "pg"));
  let redis = startRedis();
  let bridge: RedisRestBridge | undefined;
  let executor: DevExecutor | undefined;
  let app: ChildProcess | undefined;
  const received = new Map<string, number>();
  const proxy = jobsProxy(received);
  try {
    await sleep(300);
    process.env.DATABASE_URL = pg.url;
    await migrateDatabase(pg.url);
    await seedDemoData();
    await closeDatabase();
    const sql = postgres(pg.url, { max: 2, onnotice: () => {} });
    const cookie = await benchSessionCookie(sql, "owner@acme.test", "soak");
    await sql`update organizations set plan = 'business' where slug = 'acme'`;
    const keys = Array.from({ length: 50 }, () => `keel_test_${randomBytes(32).toString("base64url")}`);
    for (const key of keys) {
      await sql`insert into api_keys (org_id, name, prefix, key_hash, scopes, created_by)
        select o.id, 'soak', ${key.slice(0, 18)}, ${hashToken(key)}, ${["projects:read", "projects:write"]}, u.id
        from organizations o, users u where o.slug = 'acme' and u.email = 'owner@acme.test'`;
    }

    const redisToken = randomBytes(16).toString("hex");
    bridge = await startRedisRestBridge({ redisUrl: `redis://127.0.0.1:${REDIS_PORT}`, token: redisToken, port: BRIDGE_PORT });
    const startExecutor = () => startDevExecutor({ serveUrl: `http://127.0.0.1:${APP_PORT}/api/inngest`, port: EXECUTOR_PORT, syncIntervalMs: 2_000, log: () => {} });
    executor = await startExecutor();
    await proxy.start();

    app = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(APP_PORT)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: pg.url,
        UPSTASH_REDIS_REST_URL: bridge.url,
        UPSTASH_REDIS_REST_TOKEN: redisToken,
        INNGEST_DEV: `http://127.0.0.1:${JOBS_PORT}`,
        UNSAFE_TEST_ONLY_DEV_TOOLS: "1",
        EMAIL_TRANSPORT: "dev-mailbox",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        AUTH_URL: `http://localhost:${APP_PORT}`,
        LOG_LEVEL: "warn",
        // As `npm start` runs it (package.json): the heap limit is part of what is soaked.
        NODE_OPTIONS: `--max-old-space-size=${process.env.KEEL_HEAP_MB ?? 384}`,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const appErrors: string[] = [];
    app.stderr?.on("data", (d: Buffer) => appErrors.push(...d.toString("utf8").split("\n").filter(Boolean)));
    await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}: ${appErrors.slice(0, 5).join(" | ") || "no output"}`);
    });

    const origin = `http://127.0.0.1:${APP_PORT}`;
    let keyIndex = 0;
    let creates = 0;
    const requests: Record<Kind, () => Promise<Response>> = {
      page: () => fetch(`${origin}/acme/projects`, { headers: { cookie }, redirect: "manual" }),
      "api-read": () => fetch(`${origin}/api/v1/orgs/acme/projects?limit=20`, { headers: { authorization: `Bearer ${keys[keyIndex++ % keys.length]}` } }),
      "api-write": () =>
        fetch(`${origin}/api/v1/orgs/acme/projects`, {
          method: "POST",
          headers: { authorization: `Bearer ${keys[keyIndex++ % keys.length]}`, "content-type": "application/json" },
          body: JSON.stringify({ name: `Soak ${++creates}`, description: "written under load" }),
        }),
      health: () => fetch(`${origin}/api/health`),
    };
    // The mix: mostly pages and reads, a write in ten (each one an outbox event), a liveness probe in twenty.
    const mix: Kind[] = ["page", "page", "page", "page", "page", "page", "page", "page", "page", "api-read", "api-read", "api-read", "api-read", "api-read", "api-read", "api-read", "api-write", "api-write", "health", "page"];

    const totalMs = MINUTES * 60_000;
    const warmupMs = Math.min(30_000, totalMs * 0.15);
    const started = performance.now();
    const now = () => performance.now() - started;
    // Faults in turn, each followed by time to recover before the next (at least 10 s, more on longer runs).
    const gap = Math.max(10_000, (totalMs - warmupMs - 3 * FAULT_MS - 20_000) / 3);
    const at = (i: number) => warmupMs + 5_000 + i * (FAULT_MS + gap);
    const phases: Phase[] = [
      { name: "redis down 30 s", from: at(0), to: at(0) + FAULT_MS },
      { name: "jobs down 30 s", from: at(1), to: at(1) + FAULT_MS },
      { name: "postgres restart", from: at(2), to: at(2) + 5_000 },
    ];
    if (phases[2]!.to + 10_000 > totalMs) throw new Error("--minutes is too short for the three faults: use 2 or more");
    const samples: Sample[] = [];
    const meter = meterProcess(app.pid!, 1_000);
    let stopLoad = false;
    const worker = async (w: number) => {
      for (let i = w; !stopLoad; i++) {
        const kind = mix[i % mix.length]!;
        const t0 = performance.now();
        let status = 0;
        try {
          const response = await requests[kind]();
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = 0;
        }
        samples.push({ at: t0 - started, kind, status, ms: performance.now() - t0 });
      }
    };
    const faults = (async () => {
      const log = (line: string) => console.log(`bench:soak: ${(now() / 1000).toFixed(0).padStart(4)} s  ${line}`);
      await sleep(phases[0]!.from - now());
      log("stopping Redis (behind the Upstash bridge)");
      redis.kill("SIGKILL");
      await sleep(phases[0]!.to - now());
      redis = startRedis();
      log("Redis started again");
      await sleep(phases[1]!.from - now());
      log("stopping the job executor");
      await proxy.stop();
      await executor!.stop();
      await sleep(phases[1]!.to - now());
      executor = await startExecutor();
      await proxy.start();
      log("job executor started again");
      await sleep(phases[2]!.from - now());
      log("restarting Postgres");
      await pg.restart();
      log("Postgres restarted");
    })();
    await Promise.all([sleep(totalMs).then(() => (stopLoad = true)), ...Array.from({ length: CONNECTIONS }, (_, w) => worker(w)), faults]);
    const cost = meter.stop();

    // Events: every project written must be one outbox row, sent, and received by the executor exactly once.
    const drainStarted = performance.now();
    let unsent = -1;
    while (performance.now() - drainStarted < 150_000) {
      unsent = (await sql<{ unsent: number }[]>`select count(*)::int as unsent from outbox_events where sent_at is null`)[0]!.unsent;
      if (unsent === 0) break;
      await sleep(2_000);
    }
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    const outbox = await sql<{ id: string }[]>`select id from outbox_events where name = 'org/project.changed'`;
    const { projects } = (await sql<{ projects: number }[]>`select count(*)::int as projects from projects where name like 'Soak %'`)[0]!;
    await sql.end();
    const lost = outbox.filter((e) => !received.has(e.id)).length;
    const twice = outbox.filter((e) => (received.get(e.id) ?? 0) > 1).length;

    const phaseOf = (s: Sample) => phases.find((p) => s.at >= p.from && s.at < p.to + 5_000)?.name ?? (s.at < warmupMs ? "warm-up" : "steady");
    const failed = (s: Sample) => s.status === 0 || s.status >= 500 || (s.kind === "api-write" ? s.status !== 201 : s.status !== 200);
    console.log(`\nbench:soak: ${MINUTES} min, ${CONNECTIONS} connections, ${samples.length} requests (mix: pages 50%, API reads 35%, API writes 10%, health 5%), ${os.cpus().length} cores\n`);
    console.log("phase               requests  failed  statuses of failures            p50 ms  p99 ms  max ms  >1 s");
    for (const name of ["warm-up", "steady", ...phases.map((p) => p.name)]) {
      const of = samples.filter((s) => phaseOf(s) === name);
      if (of.length === 0) continue;
      const bad = of.filter(failed);
      const statuses = Object.entries(bad.reduce<Record<string, number>>((m, s) => ((m[`${s.kind}:${s.status || "net"}`] = (m[`${s.kind}:${s.status || "net"}`] ?? 0) + 1), m), {}))
        .map(([k, n]) => `${k}x${n}`)
        .join(" ");
      const ms = of.map((s) => s.ms);
      console.log(
        `${name.padEnd(19)} ${String(of.length).padEnd(9)} ${String(bad.length).padEnd(7)} ${(statuses || "-").slice(0, 31).padEnd(31)} ${percentile(ms, 50).toFixed(0).padEnd(7)} ${percentile(ms, 99).toFixed(0).padEnd(7)} ${Math.max(...ms).toFixed(0).padEnd(7)} ${ms.filter((m) => m > 1_000).length}`,
      );
    }
    const afterWarmup = cost.samples.filter((s) => s.atMs >= warmupMs);
    const rssSlope = slope(afterWarmup.map((s) => [s.atMs / 60_000, s.rssMb]));
    console.log(`\nserver RSS: peak ${cost.peakRssMb.toFixed(0)} MB, median after warm-up ${median(afterWarmup.map((s) => s.rssMb)).toFixed(0)} MB, slope after warm-up ${rssSlope.toFixed(1)} MB/min; CPU ${(cost.cpuMs / Math.max(1, samples.length)).toFixed(2)} ms a request`);
    console.log(`outbox: ${projects} projects written, ${outbox.length} project events, ${unsent} unsent after ${drainSeconds.toFixed(0)} s; executor received ${outbox.length - lost} of them (${lost} lost; ${twice} handed over again after a lost answer, harmless: the event id de-duplicates them)`);
    const serverErrors = appErrors.filter((l) => /"level":(50|60)/.test(l));
    console.log(`server error lines: ${serverErrors.length}${serverErrors.length ? ` (first: ${serverErrors[0]!.slice(0, 300)})` : ""}`);

    const outsidePostgres = samples.filter((s) => failed(s) && phaseOf(s) !== "postgres restart" && phaseOf(s) !== "warm-up");
    const pgFailures = samples.filter((s) => failed(s) && phaseOf(s) === "postgres restart");
    const unclear = pgFailures.filter((s) => s.status !== 503);
    if (outsidePostgres.length || lost || unsent !== 0 || projects !== outbox.length) {
      console.error(`bench:soak: FAILED: ${outsidePostgres.length} failed requests outside the Postgres restart, ${lost} events lost, ${unsent} unsent`);
      process.exitCode = 1;
    }
    if (unclear.length) console.error(`bench:soak: ${unclear.length} requests during the Postgres restart failed without a 503`);
  } finally {
    // Each step bounded: a stuck one must not keep the private Postgres running.
    const bounded = (work: () => unknown) => Promise.race([Promise.resolve().then(work).catch(() => {}), sleep(5_000)]);
    await bounded(async () => {
      app?.kill("SIGTERM");
      if (app && app.exitCode === null) await new Promise((r) => app!.once("exit", r));
    });
    await bounded(() => proxy.stop());
    await bounded(() => executor?.stop());
    await bounded(() => bridge?.stop());
    redis.kill("SIGKILL");
    await bounded(() => pg.stop());
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});
// Keep-alive sockets and the executor's timers would otherwise hold the process open.
process.exit(process.exitCode ?? 0);
