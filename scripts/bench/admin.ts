// npm run bench:admin - the admin console at scale, in a scratch database: 10,000 organizations (18 months of
// signups, trials, payments, upgrades and churn in the billing ledger) and 1,000,000 activity rows (200,000
// sessions, 800,000 usage_daily rows), then
//   1. the aggregate-metrics job's work for one day (the nightly run) and for a full backfill;
//   2. GET /admin (the metrics page) on a production build (`next start`), signed in as a platform admin: p50 and
//      p95 of sequential requests, warm (the cached dashboard) and cold (cache off: every request reads metrics_daily);
//   3. feature flag evaluation cost per call (scripts/bench/flags.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import postgres from "postgres";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/test/scratch-database";
import { runCli } from "../cli";
import { seedDemoData } from "../seed";
import { benchSessionCookie, ensureBuild } from "./bench-setup";
import { waitFor } from "./server-log";
import { percentile } from "./stats";

const require = createRequire(import.meta.url);
const PORT = Number(process.env.BENCH_PORT ?? 3113);
const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const WARM_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const COLD_REQUESTS = Number(process.env.BENCH_COLD_REQUESTS ?? 50);

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The synthetic platform, generated inside Postgres (generate_series, a fixed random seed): seconds, not minutes. */
async function generate(sql: postgres.Sql) {
  await sql.begin(async (tx) => {
    await tx`select setseed(0.42)`;
    // Signups are denser towards today (1 - sqrt(u) leans to 0 days ago).
    await tx.unsafe(`create temp table bench_orgs on commit drop as
      select g, gen_random_uuid() as org_id, gen_random_uuid() as user_id,
        now() - (548 * (1 - sqrt(random()))) * interval '1 day' as created,
        random() as path, random() as plan_roll, random() as later, 2 + (random() * 10)::int as seats
      from generate_series(1, ${ORGS}) g`);
    await tx.unsafe(`insert into users (id, email, name, created_at) select user_id, 'bench-' || g || '@bench.test', 'Bench person ' || g, created from bench_orgs`);
    await tx.unsafe(`insert into organizations (id, slug, name, created_at, updated_at) select org_id, 'bench-' || g, 'Bench org ' || g, created, created from bench_orgs`);
    await tx.unsafe(`insert into memberships (org_id, user_id, role, created_at) select org_id, user_id, 'owner', created from bench_orgs`);
    // The ledger as the billing sync writes it: trials (45%: 25% convert, 20% lost), direct payments (15%), then for
    // payers an upgrade (20%) and churn (10%) later; only what has already happened.
    await tx.unsafe(`create temp table bench_ledger on commit drop as
      with payers as (
        select *, case when path < 0.25 then created + interval '15 days' else created + interval '2 days' end as paid_at,
          case when plan_roll < 0.65 then 'pro' else 'business' end as plan,
          case when plan_roll < 0.65 then 2900 else 1900 * seats end as mrr
        from bench_orgs where path < 0.25 or (path >= 0.45 and path < 0.6)
      )
      select org_id, created + interval '1 hour' as at, 'new' as reason, 'free' as pb, case when plan_roll < 0.65 then 'pro' else 'business' end as pa, 0 as mb, 0 as ma
        from bench_orgs where path < 0.45
      union all
      select org_id, created + interval '15 days', 'cancel', case when plan_roll < 0.65 then 'pro' else 'business' end, 'free', 0, 0
        from bench_orgs where path >= 0.25 and path < 0.45
      union all
      select org_id, paid_at, 'new', case when path < 0.25 then plan else 'free' end, plan, 0, mrr from payers
      union all
      select org_id, paid_at + (30 + later * 2500) * interval '1 day', 'upgrade', plan, 'business', mrr, mrr + 3800 from payers where later < 0.2
      union all
      select org_id, paid_at + (60 + (later - 0.9) * 4000) * interval '1 day', 'cancel', plan, 'free', mrr, 0 from payers where later > 0.9`);
    await tx.unsafe(`insert into subscription_changes (org_id, at, reason, plan_before, plan_after, mrr_before_cents, mrr_after_cents, seats_before, seats_after)
      select org_id, at, reason, pb, pa, mb, ma, 1, 1 from bench_ledger where at < now()`);
    // 200,000 sessions: twenty per person, last seen anywhere between their signup and now.
    await tx.unsafe(`insert into sessions (session_token, user_id, expires, user_agent, created_at, last_seen_at)
      select md5(o.g || ':' || s), o.user_id, now() + interval '30 days', 'bench', seen, seen
      from bench_orgs o cross join generate_series(1, 20) s
      cross join lateral (select o.created + random() * (now() - o.created) as seen) t`);
    // 800,000 usage_daily rows: every organization's API requests over the last 80 days.
    await tx.unsafe(`insert into usage_daily (org_id, day, metric, count)
      select org_id, current_date - d, 'api_requests', (random() * 5000)::int from bench_orgs cross join generate_series(1, 80) d`);
  });
  await sql`analyze`;
  const [counts] = await sql`select (select count(*) from organizations)::int as orgs, (select count(*) from subscription_changes)::int as ledger,
    (select count(*) from sessions)::int as sessions, (select count(*) from usage_daily)::int as usage`;
  return counts as unknown as { orgs: number; ledger: number; sessions: number; usage: number };
}

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Sequential GETs of `path`: each request's wall time. */
async function timeRequests(path: string, cookie: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`http://localhost:${PORT}${path}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200 || !body.includes("Headline figures")) throw new Error(`${path} answered ${res.status} without the metrics`);
    times.push(performance.now() - t);
  }
  return times;
}

await runCli("bench:admin", async () => {
  ensureBuild("bench:admin");
  const server = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres";
  const scratch = await createScratchDatabase(server, "keel_bench_admin");
  try {
    await migrateDatabase(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    const { reloadEnv } = await import("@/lib/env");
    reloadEnv();
    await seedDemoData();
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    let t = performance.now();
    const counts = await generate(sql);
    console.log(`bench:admin: generated ${counts.orgs} organizations, ${counts.ledger} ledger rows, ${counts.sessions} sessions and ${counts.usage} usage_daily rows in ${ms(performance.now() - t)}`);

    // 1. The job's work, through the same lib functions its steps call.
    const { aggregateCohorts, aggregateMetricDays, fullRange } = await import("@/lib/admin/metrics/aggregate-metrics");
    const { aggregateMetrics } = await import("@/lib/admin/metrics/run-aggregation");
    const { addDays, utcDay, daysBetween } = await import("@/lib/admin/metrics/days");
    const range = (await fullRange())!;
    t = performance.now();
    await aggregateMetrics(range);
    const backfill = performance.now() - t;
    const yesterday = addDays(utcDay(new Date()), -1);
    const oneDay: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await aggregateMetricDays({ from: yesterday, to: yesterday });
      await aggregateCohorts(yesterday);
      oneDay.push(performance.now() - t);
    }
    await closeDatabase();

    // 2. The page, signed in as admin@keel.test through a session row (the cookie holds the token, the row its hash).
    const cookie = await benchSessionCookie(sql, "admin@keel.test");
    await sql.end();
    const page: string[] = [];
    for (const mode of ["warm", "cold"] as const) {
      const child = startServer({
        DATABASE_URL: scratch.url,
        // The production checks want a job transport and a real mailer; a dead INNGEST_DEV and the dev tools switch
        // satisfy them on this machine (nothing here sends a job or an email).
        EMAIL_TRANSPORT: "dev-mailbox",
        UNSAFE_TEST_ONLY_DEV_TOOLS: "1",
        INNGEST_DEV: "http://127.0.0.1:9",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        AUTH_URL: `http://localhost:${PORT}`,
        LOG_LEVEL: "warn",
        // Cold: no cache at all, so every request reads metrics_daily and builds the dashboard (sessions too).
        CACHE_DISABLED: mode === "cold" ? "1" : "",
      });
      try {
        await waitFor(`http://localhost:${PORT}/api/health`);
        for (const path of ["/admin", "/admin?range=all"]) {
          const first = await timeRequests(path, cookie, 1);
          const times = await timeRequests(path, cookie, mode === "warm" ? WARM_REQUESTS : COLD_REQUESTS);
          page.push(`${path.padEnd(18)} ${mode.padEnd(5)} ${ms(first[0]!).padEnd(11)} ${ms(percentile(times, 50)).padEnd(10)} ${ms(percentile(times, 95)).padEnd(10)} ${times.length}`);
        }
      } finally {
        // A server that refused to start has exited already: waiting for its exit would wait forever.
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((r) => child.once("exit", r));
          child.kill("SIGTERM");
          await exited;
        }
      }
    }

    console.log(`\naggregate-metrics (${counts.orgs} organizations, ${counts.ledger + counts.sessions + counts.usage} ledger/session/usage rows)`);
    console.log(`  full backfill, ${daysBetween(range.from, range.to)} days (${range.from}..${range.to}), days + cohorts: ${ms(backfill)}`);
    console.log(`  one day (the nightly run: yesterday + cohorts), median of 5: ${ms(percentile(oneDay, 50))} (min ${ms(Math.min(...oneDay))}, max ${ms(Math.max(...oneDay))})`);
    console.log(`\nGET /admin signed in as admin@keel.test, next start, sequential requests (goal: p95 under 200 ms warm)`);
    console.log("path               cache first req   p50        p95        n");
    for (const row of page) console.log(row);

    // 3. Feature flag evaluation: the same measurement as `npm run bench:flags` (warm calls, no I/O; the re-checks).
    const { benchFlagEvaluation } = await import("./flags");
    console.log("\nfeature flag evaluation, isEnabled(flag, { org }) (goal: microseconds, no I/O)");
    console.log((await benchFlagEvaluation()).lines.map((line) => `  ${line}`).join("\n"));
  } finally {
    await closeDatabase().catch(() => {});
    await scratch.drop();
  }
});
