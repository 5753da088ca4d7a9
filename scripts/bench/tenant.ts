// npm run bench:tenant - what the tenant context costs. A primary-key read of a project three ways, interleaved
// so that machine noise hits all three alike: bare, in a plain transaction, and inside withTenant.
// Runs on a scratch database on the server of DATABASE_URL (default: local Postgres), dropped afterwards.
import { eq } from "drizzle-orm";
import { closeDatabase, primaryDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { organizations, projects } from "@/db/schema";
import { createScratchDatabase } from "@/test/scratch-database";
import { withSystem, withTenant } from "@/db/tenant";
import { runCli } from "../cli";
import { percentile, us } from "./stats";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5_000);
const WARMUP = 500;

await runCli("bench:tenant", async () => {
  const server = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres";
  const scratch = await createScratchDatabase(server, "keel_bench");
  try {
    await migrateDatabase(scratch.url);
    process.env.DATABASE_URL = scratch.url;
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
    const samples: Record<keyof typeof variants, number[]> = { bare: [], transaction: [], withTenant: [] };
    const names = Object.keys(variants) as Array<keyof typeof variants>;

    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      // Rotate the order each round so none always runs first on a warm connection.
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const started = performance.now();
        const rows = await variants[name]();
        const elapsed = performance.now() - started;
        if (rows.length !== 1) throw new Error(`${name} read ${rows.length} rows`);
        if (i >= WARMUP) samples[name].push(elapsed);
      }
    }

    const median = (name: keyof typeof variants) => percentile(samples[name], 50);
    console.log(`bench:tenant on ${server.replace(/:[^:@/]+@/, ":***@")}, ${ITERATIONS} interleaved iterations each\n`);
    console.log("variant       median     p90        p99");
    for (const name of names) {
      const s = samples[name];
      console.log(`${name.padEnd(13)} ${us(percentile(s, 50)).padEnd(10)} ${us(percentile(s, 90)).padEnd(10)} ${us(percentile(s, 99))}`);
    }
    console.log(`\ntransaction / bare:        ${(median("transaction") / median("bare")).toFixed(2)}x`);
    console.log(`withTenant / bare:         ${(median("withTenant") / median("bare")).toFixed(2)}x`);
    console.log(`withTenant / transaction:  ${(median("withTenant") / median("transaction")).toFixed(2)}x  (goal <= 1.25x)`);
  } finally {
    await closeDatabase();
    await scratch.drop();
  }
});
