// npm run bench:api - GET /api/v1/orgs/acme/projects with API keys on a production build under load (wrk, 32
// connections, 20 s after a 5 s warm-up): requests per second, p50, p99, and the SQL statements one warm request
// sends to Postgres (from the server log, log_statement = 'all'). In the same run, the floor: a bare node:http +
// postgres.js server doing one primary-key select, and Keel's throughput as a fraction of it.
//
// The `api` rate limit is per key (600 a minute), so the load rotates over enough keys that no request is refused:
// what is measured is the full path (key from the cache, rate limit, allowance counter, one withTenant read).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { hashToken } from "@/lib/auth/tokens";
import { createScratchDatabase } from "@/test/scratch-database";
import { runCli } from "../cli";
import { ensureBuild } from "./bench-setup";
import { countStatements, waitFor } from "./server-log";
import { seedDemoData } from "../seed";

const require = createRequire(import.meta.url);
const PORT = Number(process.env.BENCH_PORT ?? 3261);
const FLOOR_PORT = PORT + 1;
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = 32;
const KEYS = 200;
const PATH = "/api/v1/orgs/acme/projects";

type Result = { rps: number; p50: string; p99: string; errors: string };


function ensureWrk(): void {
  if (spawnSync("wrk", ["--version"]).error === undefined) return;
  console.log("bench:api: installing wrk (apt-get)…");
  spawnSync("apt-get", ["install", "-y", "wrk"], { stdio: "ignore" });
  if (spawnSync("wrk", ["--version"]).error !== undefined) throw new Error("wrk is missing and could not be installed (apt-get install -y wrk)");
}

/** A wrk Lua script sending each request with the next of `keys` (Authorization: Bearer …). */
function rotatingKeysScript(keys: string[]): string {
  const file = path.join(os.tmpdir(), `keel-bench-api-${process.pid}.lua`);
  fs.writeFileSync(
    file,
    `local keys = { ${keys.map((k) => `"${k}"`).join(", ")} }
local i = 0
request = function()
  i = (i % #keys) + 1
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. keys[i] })
end
local non2xx = 0
response = function(status) if status >= 300 then non2xx = non2xx + 1 end end
done = function() io.write("non2xx " .. non2xx .. "\\n") end
`,
  );
  return file;
}

/**
 * Runs wrk as a child process without blocking this process's event loop: the floor server lives in this process,
 * and a synchronous spawn would leave it unable to answer a single request for the whole run (0 req/s).
 */
async function wrk(url: string, duration: number, script?: string): Promise<Result> {
  const args = ["-t2", `-c${CONNECTIONS}`, `-d${duration}s`, "--latency", ...(script ? ["-s", script] : []), url];
  const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  await new Promise((resolve) => child.once("close", resolve));
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p50 = /50%\s+([\d.]+\w+)/.exec(out)?.[1] ?? "?";
  const p99 = /99%\s+([\d.]+\w+)/.exec(out)?.[1] ?? "?";
  const socket = /Socket errors:.*/.exec(out)?.[0] ?? "";
  const non2xx = /non2xx (\d+)/.exec(out)?.[1] ?? /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? "0";
  return { rps, p50, p99, errors: `${non2xx}${socket ? ` (${socket})` : ""}` };
}


/** The floor: node:http + postgres.js, one primary-key select per request, nothing else. */
async function startFloor(url: string, projectId: string): Promise<{ close: () => Promise<void> }> {
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const server = http.createServer(async (_req, res) => {
    const rows = await sql`select id, name, description, created_at from projects where id = ${projectId}`;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows[0]));
  });
  await new Promise<void>((resolve) => server.listen(FLOOR_PORT, "127.0.0.1", resolve));
  return { close: async () => (await new Promise<void>((r) => server.close(() => r())), await sql.end()) };
}

await runCli("bench:api", async () => {
  ensureWrk();
  ensureBuild("bench:api");
  const server = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres";
  const scratch = await createScratchDatabase(server, "keel_bench_api");
  let script: string | undefined;
  try {
    await migrateDatabase(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    await seedDemoData();
    await closeDatabase();
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    // Enough allowance for the run: the counting is measured, not the refusal.
    await sql`update organizations set plan = 'business' where slug = 'acme'`;
    const keys = Array.from({ length: KEYS }, () => `keel_test_${randomBytes(32).toString("base64url")}`);
    for (const key of keys) {
      await sql`insert into api_keys (org_id, name, prefix, key_hash, scopes, created_by)
        select o.id, 'bench', ${key.slice(0, 18)}, ${hashToken(key)}, ${["projects:read"]}, u.id
        from organizations o, users u where o.slug = 'acme' and u.email = 'owner@acme.test'`;
    }
    const [project] = await sql<{ id: string }[]>`select id from projects limit 1`;
    await sql.unsafe(`alter database "${scratch.name}" set log_statement = 'all'`);
    await sql.end();
    script = rotatingKeysScript(keys);

    const child: ChildProcess = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: scratch.url, NODE_ENV: "production", EMAIL_TRANSPORT: "dev-mailbox", UNSAFE_TEST_ONLY_DEV_TOOLS: "1", INNGEST_DEV: "http://127.0.0.1:9", AUTH_SECRET: randomBytes(32).toString("hex"), AUTH_URL: `http://localhost:${PORT}`, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    let keel: Result;
    let statements: number | null;
    try {
      await waitFor(`http://localhost:${PORT}/api/health`);
      const url = `http://localhost:${PORT}${PATH}`;
      const first = await fetch(url, { headers: { authorization: `Bearer ${keys[0]}` } });
      if (first.status !== 200) throw new Error(`${PATH} answered ${first.status}: ${await first.text()}`);
      await new Promise((r) => setTimeout(r, 1000)); // "last used" written after the first response
      await fetch(url, { headers: { authorization: `Bearer ${keys[0]}` } }).then((r) => r.text());
      statements = await countStatements(scratch.name, async () => {
        await fetch(url, { headers: { authorization: `Bearer ${keys[0]}` } }).then((r) => r.text());
      });
      await wrk(url, 5, script);
      keel = await wrk(url, DURATION, script);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }

    const floorServer = await startFloor(scratch.url, project!.id);
    let floor: Result;
    try {
      await wrk(`http://127.0.0.1:${FLOOR_PORT}/`, 5);
      floor = await wrk(`http://127.0.0.1:${FLOOR_PORT}/`, DURATION);
    } finally {
      await floorServer.close();
    }

    console.log(`bench:api: GET ${PATH} with API keys (${KEYS}, rotated), next start, wrk -t2 -c${CONNECTIONS} -d${DURATION}s, ${os.cpus().length} cores\n`);
    console.log("what                                  req/s    p50       p99       SQL/request  non-2xx");
    console.log(`keel GET /api/v1/…/projects (key)     ${String(Math.round(keel.rps)).padEnd(8)} ${keel.p50.padEnd(9)} ${keel.p99.padEnd(9)} ${String(statements ?? "n/a").padEnd(12)} ${keel.errors}`);
    console.log(`floor node:http + postgres.js PK      ${String(Math.round(floor.rps)).padEnd(8)} ${floor.p50.padEnd(9)} ${floor.p99.padEnd(9)} ${"1".padEnd(12)} ${floor.errors}`);
    console.log(`\nkeel / floor: ${((keel.rps / Math.max(1, floor.rps)) * 100).toFixed(1)} %`);
  } finally {
    if (script) fs.rmSync(script, { force: true });
    await scratch.drop();
  }
});
