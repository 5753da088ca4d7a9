// npm run bench:tenant - what the tenant context costs. A primary-key read of a project three ways, interleaved
// so that machine noise hits all three alike: bare, in a drizzle transaction, and inside withTenant. Then the same
// reads through a TCP proxy that counts what crosses the wire: statements, parses and round trips per warm read.
// Runs on a scratch database on the server of DATABASE_URL (default: local Postgres), dropped afterwards.
// BENCH_PGBOUNCER=1 (or a pooler URL, default postgres://postgres@127.0.0.1:6432/) reads through a transaction-mode
// PgBouncer in front of that server, with prepared statements off; the scratch database is made directly.
import { eq } from "drizzle-orm";
import { closeDatabase, configureDatabase, primaryDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { organizations, projects } from "@/db/schema";
import { createScratchDatabase } from "@/test/scratch-database";
import { startWireCounter } from "@/test/wire-counter";
import { withSystem, withTenant } from "@/db/tenant";
import { runCli } from "../cli";
import { percentile, us } from "./stats";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5_000);
const WARMUP = 500;
const COUNTED = 200;

await runCli("bench:tenant", async () => {
  const server = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres";
  const pooler = process.env.BENCH_PGBOUNCER ? (process.env.BENCH_PGBOUNCER === "1" ? "postgres://postgres@127.0.0.1:6432/" : process.env.BENCH_PGBOUNCER) : undefined;
  const scratch = await createScratchDatabase(server, "keel_bench");
  try {
    await migrateDatabase(scratch.url);
    const target = new URL(pooler ?? scratch.url);
    target.pathname = `/${scratch.name}`;
    // Behind a transaction-mode pooler, statements cannot stay prepared from one transaction to the next.
    const preparedStatements = !pooler && !/^(false|0)$/.test(process.env.DATABASE_PREPARED_STATEMENTS ?? "");
    configureDatabase(() => ({ url: target.toString(), preparedStatements }));
    const { org, project } = await withSystem("bench setup", async (tx) => {
      const [org] = await tx.insert(organizations).values({ slug: "bench", name: "Bench" }).returning();
      const [project] = await tx.insert(projects).values({ orgId: org!.id, name: "Benchmark" }).returning();
      return { org: org!, project: project! };
    });
    const ctx = { orgId: org.id, userId: "00000000-0000-4000-8000-000000000000" };
    const read = (d: Pick<typeof primaryDb, "select">) => d.select().from(projects).where(eq(projects.id, project.id));

    const variants = {
      bare: () => read(primaryDb),
      transaction: () => primaryDb.transaction((tx) => read(tx)),
      withTenant: () => withTenant(ctx, (tx) => read(tx)),
    };
    const names = Object.keys(variants) as Array<keyof typeof variants>;
    const run = async (name: keyof typeof variants) => {
      const rows = await variants[name]();
      if (rows.length !== 1) throw new Error(`${name} read ${rows.length} rows`);
    };

    const samples: Record<keyof typeof variants, number[]> = { bare: [], transaction: [], withTenant: [] };
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      // Rotate the order each round so none always runs first on a warm connection.
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const started = performance.now();
        await run(name);
        if (i >= WARMUP) samples[name].push(performance.now() - started);
      }
    }

    // The wire, one variant at a time on one connection through the counting proxy, after a warm-up.
    await closeDatabase();
    const counter = await startWireCounter(target.toString());
    configureDatabase(() => ({ url: counter.url, poolMax: 1, preparedStatements }));
    const wire: Record<string, { roundTrips: number; statements: number; parses: number }> = {};
    try {
      for (const name of names) {
        for (let i = 0; i < 20; i++) await run(name);
        counter.reset();
        for (let i = 0; i < COUNTED; i++) await run(name);
        const c = counter.counts();
        wire[name] = { roundTrips: c.roundTrips / COUNTED, statements: c.statements / COUNTED, parses: c.parses / COUNTED };
      }
    } finally {
      await closeDatabase();
      await counter.close();
    }

    const median = (name: keyof typeof variants) => percentile(samples[name], 50);
    const via = pooler ? ` through the pooler at ${target.host}` : "";
    console.log(`bench:tenant on ${server.replace(/:[^:@/]+@/, ":***@")}${via}, prepared statements ${preparedStatements ? "on" : "off"}, ${ITERATIONS} interleaved iterations each\n`);
    console.log("variant       median     p90        p99        round trips  statements  parses  (per warm read)");
    for (const name of names) {
      const s = samples[name];
      const w = wire[name]!;
      console.log(
        `${name.padEnd(13)} ${us(percentile(s, 50)).padEnd(10)} ${us(percentile(s, 90)).padEnd(10)} ${us(percentile(s, 99)).padEnd(10)} ` +
          `${String(w.roundTrips).padEnd(12)} ${String(w.statements).padEnd(11)} ${w.parses}`,
      );
    }
    console.log(`\ntransaction / bare:        ${(median("transaction") / median("bare")).toFixed(2)}x`);
    console.log(`withTenant / bare:         ${(median("withTenant") / median("bare")).toFixed(2)}x`);
    console.log(`withTenant / transaction:  ${(median("withTenant") / median("transaction")).toFixed(2)}x  (goal <= 1.25x)`);
  } finally {
    await closeDatabase();
    await scratch.drop();
  }
});
