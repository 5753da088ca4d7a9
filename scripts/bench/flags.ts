// npm run bench:flags - what `isEnabled` costs per call: warm (this process's copy, no I/O), when the copy is
// re-checked against Redis (every few seconds in production), and when the version moved (another process edited
// a flag: the snapshot is downloaded and compiled). Starts its own Upstash REST bridge in front of the local Redis
// (REDIS_URL, default 127.0.0.1:6379), writes only under a random namespace and deletes it afterwards. The
// snapshot is synthetic (no Postgres): every registry flag, 1,000 overrides; the build from Postgres is not timed.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { Redis as IORedis } from "ioredis";
import { createCache, createUpstashRedis } from "@/lib/cache";
import { createFlagReader, DEFAULT_RECHECK_MS, type FlagReader } from "@/lib/flags/flag-reader";
import { isEnabled } from "@/lib/flags/is-enabled";
import { flagKeys } from "@/lib/flags/registry";
import type { FlagSnapshot } from "@/lib/flags/snapshot";
import { startRedisRestBridge } from "../redis-rest-bridge";
import { percentile, us } from "./stats";

const ORGS = 10_000;
const OVERRIDES = 1_000;
const RECHECKS = 2_000;
const VERSION_MOVES = 300;

/** What one run measured. */
export type FlagBench = {
  calls: number;
  /** Warm evaluations: mean nanoseconds per `await isEnabled(...)`. */
  warmNsPerCall: number;
  /** An evaluation whose copy is due for its re-check (one Redis round trip, version unchanged): µs. */
  recheck: { medianUs: number; p99Us: number };
  /** An evaluation after another process's edit (download and compile the snapshot from Redis): µs. */
  versionMoved: { medianUs: number; p99Us: number };
  lines: string[];
};

function syntheticSnapshot(orgIds: string[], round: number): FlagSnapshot {
  const flags: FlagSnapshot["flags"] = {};
  const overrides: FlagSnapshot["overrides"] = {};
  for (const key of flagKeys) {
    flags[key] = { defaultEnabled: false, rolloutPercent: 50, plans: ["free", "pro"] };
    overrides[key] = Object.fromEntries(orgIds.slice(0, OVERRIDES).map((id, i) => [id, (i + round) % 2 === 0]));
  }
  return { version: `bench-${round}`, flags, overrides };
}

/** Runs the flag evaluation benchmark: `calls` warm evaluations (default 1,000,000) plus the re-check paths. */
export async function benchFlagEvaluation({ calls = 1_000_000 }: { calls?: number } = {}): Promise<FlagBench> {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const token = `bench-${randomUUID()}`;
  const namespace = `bench-flags-${randomUUID().slice(0, 8)}`;
  const bridge = await startRedisRestBridge({ redisUrl, token, port: 0 });
  const direct = new IORedis(redisUrl, { protocol: 2, lazyConnect: true });
  const holder = globalThis as typeof globalThis & { __keelFlagReader?: FlagReader };
  const previous = holder.__keelFlagReader;
  let warnings = 0;
  const problems = new Set<string>();
  const log = { warn: (fields: object, message: string) => void (warnings++, problems.add(`${message} ${JSON.stringify(fields)}`)) };
  try {
    const orgIds = Array.from({ length: ORGS }, () => randomUUID());
    const subjects = orgIds.map((orgId, i) => ({ orgId, plan: ["free", "pro", "business"][i % 3]! }));
    let round = 0;
    let clock = 0;
    const cacheOf = () => createCache({ backend: createUpstashRedis({ url: bridge.url, token, timeoutMs: 2_000 }), namespace, log });
    const reader = createFlagReader({ cache: cacheOf(), build: async () => syntheticSnapshot(orgIds, round), now: () => clock, log });
    // Another process: it makes the edits (bumps the version) and rebuilds, as an admin's server would.
    const editor = createFlagReader({ cache: cacheOf(), build: async () => syntheticSnapshot(orgIds, round), now: () => clock, log });
    // The real isEnabled, reading through this reader instead of the process's own.
    holder.__keelFlagReader = reader;
    const flag = flagKeys[0]!;

    let on = 0;
    for (let i = 0; i < 50_000; i++) if (await isEnabled(flag, { org: subjects[i % ORGS]! })) on++;
    const started = performance.now();
    for (let i = 0; i < calls; i++) if (await isEnabled(flag, { org: subjects[i % ORGS]! })) on++;
    const warmNsPerCall = ((performance.now() - started) * 1e6) / calls;
    if (on === 0) throw new Error("bench: no organization had the flag; the snapshot did not load");

    const recheckSamples: number[] = [];
    for (let i = 0; i < RECHECKS; i++) {
      clock += DEFAULT_RECHECK_MS;
      const t = performance.now();
      await isEnabled(flag, { org: subjects[i % ORGS]! });
      recheckSamples.push(performance.now() - t);
    }

    const movedSamples: number[] = [];
    for (let i = 0; i < VERSION_MOVES; i++) {
      round++;
      await editor.invalidate();
      await editor.current(); // the editing process rebuilds and shares the new snapshot
      clock += DEFAULT_RECHECK_MS;
      const t = performance.now();
      await isEnabled(flag, { org: subjects[i % ORGS]! });
      movedSamples.push(performance.now() - t);
    }

    const recheck = { medianUs: percentile(recheckSamples, 50) * 1000, p99Us: percentile(recheckSamples, 99) * 1000 };
    const versionMoved = { medianUs: percentile(movedSamples, 50) * 1000, p99Us: percentile(movedSamples, 99) * 1000 };
    const snapshotBytes = JSON.stringify(syntheticSnapshot(orgIds, 0)).length;
    const lines = [
      `bench:flags - isEnabled over ${ORGS.toLocaleString("en-US")} organizations; snapshot of ${flagKeys.length} flag(s) with ${OVERRIDES} overrides each (${(snapshotBytes / 1024).toFixed(0)} KiB); Redis = @upstash/redis -> REST bridge -> ${redisUrl.replace(/\/\/[^@]*@/, "//***@")}`,
      "",
      "path                                              per call (median)   p99",
      `warm, ${calls.toLocaleString("en-US")} calls (no I/O)`.padEnd(50) + `${warmNsPerCall.toFixed(0)} ns (mean)`,
      `re-check due, version unchanged (${RECHECKS} calls)`.padEnd(50) + `${us(recheck.medianUs / 1000).padEnd(20)}${us(recheck.p99Us / 1000)}`,
      `version moved: download + compile (${VERSION_MOVES} calls)`.padEnd(50) + `${us(versionMoved.medianUs / 1000).padEnd(20)}${us(versionMoved.p99Us / 1000)}`,
      "",
      `a re-check happens at most once per ${DEFAULT_RECHECK_MS / 1000} s per process; every other call is the warm path.`,
    ];
    if (warnings > 0) lines.push("", `WARNING: ${warnings} cache backend failures were logged during the run; the numbers include fail-open paths:`, ...problems);
    return { calls, warmNsPerCall, recheck, versionMoved, lines };
  } finally {
    holder.__keelFlagReader = previous;
    await direct.connect();
    let cursor = "0";
    do {
      const [next, keys] = await direct.scan(cursor, "MATCH", `keel:${namespace}*`, "COUNT", 500);
      if (keys.length > 0) await direct.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    await direct.quit();
    await bridge.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log((await benchFlagEvaluation({ calls: Number(process.env.BENCH_CALLS ?? 1_000_000) })).lines.join("\n"));
  } catch (err) {
    console.error(`bench:flags: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
