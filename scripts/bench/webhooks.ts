// npm run bench:webhooks - webhook fan-out: EVENTS project.created events to ENDPOINTS loopback receivers, through
// the outbox, the real /api/inngest route driven by the dev executor, fan-out and deliver-webhook. Prints
// deliveries per second and the time from the event's commit to its arrival at a receiver (p50, p90, p99, max).
// Everything (app route, executor, receivers, event producer) shares this one process: a pessimistic setup.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { runCli } from "../cli";
import { startDevExecutor } from "../inngest-dev";
import { freePort, serveRouteHandlers } from "@/test/serve-route-handlers";
import { percentile } from "./stats";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1_000);
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 10);
// Events are produced by this many concurrent "requests", as fast as they commit.
const PRODUCERS = Number(process.env.BENCH_WEBHOOK_PRODUCERS ?? 10);

const teardowns: Array<() => Promise<unknown>> = [];

await runCli(
  "bench:webhooks",
  async () => {
    process.env.LOG_LEVEL ??= "warn";
    const { createScratchDatabase } = await import("@/test/scratch-database");
    const scratch = await createScratchDatabase(process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres", "keel_bench");
    teardowns.push(scratch.drop);
    process.env.DATABASE_URL = scratch.url;
    const executorPort = await freePort();
    process.env.INNGEST_DEV = `http://127.0.0.1:${executorPort}`;

    const { migrateDatabase } = await import("@/db/migrate");
    const { closeDatabase } = await import("@/db/client");
    const { withSystem, withTenant } = await import("@/db/tenant");
    const { memberships, organizations, users, webhookEndpoints } = await import("@/db/schema");
    const { withOutbox } = await import("@/lib/outbox");
    const { createProject } = await import("@/lib/projects/create-project");
    const route = await import("@/app/api/inngest/route");
    teardowns.unshift(closeDatabase);
    await migrateDatabase(scratch.url);

    // Receivers: each records when every project's event reached it.
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    let lastArrival = 0;
    const servers = await Promise.all(
      Array.from({ length: ENDPOINTS }, async () => {
        const server = http.createServer(async (req, res) => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const now = performance.now();
          const { data } = JSON.parse(Buffer.concat(chunks).toString()) as { data: { id: string } };
          latencies.push(now - committedAt.get(data.id)!);
          lastArrival = now;
          res.writeHead(204).end();
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        teardowns.push(() => new Promise((resolve) => server.close(resolve)));
        return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      }),
    );

    const ctx = await withSystem("bench: organization and endpoints", async (tx) => {
      const [user] = await tx.insert(users).values({ email: "bench@example.test" }).returning();
      const [org] = await tx.insert(organizations).values({ slug: "bench", name: "Bench", plan: "pro" }).returning();
      await tx.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
      await tx.insert(webhookEndpoints).values(
        servers.map((url) => ({ orgId: org!.id, url, eventTypes: ["project.created"], secret: `whsec_${randomBytes(32).toString("base64")}` })),
      );
      return { orgId: org!.id, userId: user!.id };
    });

    const app = await serveRouteHandlers(route);
    teardowns.unshift(app.close);
    const executor = await startDevExecutor({ serveUrl: `${app.url}/api/inngest`, port: executorPort, syncIntervalMs: 0, log: () => {} });
    teardowns.unshift(executor.stop);
    await executor.sync();

    const expected = EVENTS * ENDPOINTS;
    console.log(`webhook fan-out: ${EVENTS.toLocaleString("en-US")} events x ${ENDPOINTS} endpoints = ${expected.toLocaleString("en-US")} deliveries (${PRODUCERS} producers)`);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        while (next < EVENTS) {
          const n = next++;
          await withOutbox(async () => {
            const project = await withTenant(ctx, (tx) => createProject(tx, ctx, { name: `Bench ${n}`, description: "" }));
            committedAt.set(project.id, performance.now());
          });
        }
      }),
    );
    const produced = performance.now();

    const deadline = Date.now() + 10 * 60_000;
    while (latencies.length < expected) {
      if (Date.now() > deadline) throw new Error(`only ${latencies.length} of ${expected} deliveries arrived within 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (lastArrival - started) / 1000;
    // Let the runs record their last attempts before the database goes away.
    const { sql } = await import("drizzle-orm");
    while (true) {
      const [row] = await withSystem("bench: count recorded deliveries", (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from webhook_deliveries where status = 'succeeded'`));
      if (row!.n >= expected || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ms = (p: number) => `${Math.round(percentile(latencies, p)).toLocaleString("en-US")} ms`;
    console.log(`events committed in     ${((produced - started) / 1000).toFixed(2)} s (${Math.round(EVENTS / ((produced - started) / 1000))} events/s)`);
    console.log(`all delivered after     ${seconds.toFixed(2)} s`);
    console.log(`deliveries per second   ${Math.round(expected / seconds).toLocaleString("en-US")}`);
    console.log(`event -> delivery       p50 ${ms(50)}   p90 ${ms(90)}   p99 ${ms(99)}   max ${ms(100)}`);
  },
  async () => {
    for (const teardown of teardowns) await teardown().catch(() => {});
  },
);
process.exit(0);
