// Outbox relay throughput: 10,000 committed events handed to the dev executor over Inngest's event API.
import { sql } from "drizzle-orm";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/test/scratch-database";
import { withSystem } from "@/db/tenant";
import { startDevExecutor } from "../inngest-dev";
import { freePort, serveRouteHandlers } from "@/test/serve-route-handlers";

const EVENTS = Number(process.env.BENCH_OUTBOX_EVENTS ?? 10_000);

/** Relays EVENTS outbox rows at several batch sizes; returns lines of a results table. */
export async function benchOutbox(): Promise<string[]> {
  const server = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres";
  const scratch = await createScratchDatabase(server, "keel_bench");
  const executorPort = await freePort();
  process.env.DATABASE_URL = scratch.url;
  process.env.INNGEST_DEV = `http://127.0.0.1:${executorPort}`;
  const lines = [`outbox relay: ${EVENTS.toLocaleString("en-US")} events to the dev executor`, "batch size   events/s   total"];
  const route = await import("@/app/api/inngest/route");
  const { relayOutbox } = await import("@/lib/outbox");
  const app = await serveRouteHandlers(route);
  const executor = await startDevExecutor({ serveUrl: `${app.url}/api/inngest`, port: executorPort, syncIntervalMs: 0, log: () => {} });
  try {
    await migrateDatabase(scratch.url);
    for (const batchSize of [100, 500, 1_000]) {
      // No function listens to this event: what is measured is the hand-over, not the runs it would start.
      await withSystem("bench: fill the outbox", (tx) =>
        tx.execute(sql`insert into outbox_events (name, data)
          select 'bench/outbox.measured', jsonb_build_object('orgId', null, 'actorId', null, 'requestId', 'bench-' || n, 'n', n)
          from generate_series(1, ${EVENTS}) as n`),
      );
      const started = performance.now();
      const { sent, failed } = await relayOutbox({ minAgeMs: 0, batchSize, maxBatches: Math.ceil(EVENTS / batchSize) + 1 });
      const seconds = (performance.now() - started) / 1000;
      if (sent !== EVENTS || failed) throw new Error(`relayed ${sent} of ${EVENTS} (${failed} failed)`);
      lines.push(`${String(batchSize).padEnd(12)} ${Math.round(EVENTS / seconds).toLocaleString("en-US").padEnd(10)} ${seconds.toFixed(2)} s`);
      await withSystem("bench: empty the outbox", (tx) => tx.execute(sql`delete from outbox_events`));
    }
    return lines;
  } finally {
    await executor.stop();
    await app.close();
    await closeDatabase();
    await scratch.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchOutbox()) console.log(line);
}
