// npm run bench:billing - the Stripe webhook path. EVENTS signed customer.subscription.updated events for CUSTOMERS
// customers go to the real POST /api/webhooks/stripe, CONCURRENCY at a time (p50/p99 of the route: verify, record,
// enqueue, answer); then the real /api/inngest route, driven by the dev executor, processes them against the
// Stripe fake (events per second until the last is marked processed). The two routes run in a child process (the
// app, as under `next start`); the client, the Stripe fake and the executor share this one. Processing starts as
// soon as the first event is in, so the route is measured while the app also runs the jobs, as it would in
// production with Inngest calling the same server.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import { runCli } from "../cli";
import { startDevExecutor } from "../inngest-dev";
import { freePort } from "@/test/serve-route-handlers";
import { startStripeFake } from "@/test/stripe-fake";
import { percentile } from "./stats";

const EVENTS = Number(process.env.BENCH_BILLING_EVENTS ?? 1_000);
const CUSTOMERS = Number(process.env.BENCH_BILLING_CUSTOMERS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_BILLING_CONCURRENCY ?? 50);

const teardowns: Array<() => Promise<unknown>> = [];

await runCli(
  "bench:billing",
  async () => {
    process.env.LOG_LEVEL ??= "warn";
    const { createScratchDatabase } = await import("@/test/scratch-database");
    const scratch = await createScratchDatabase(process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres", "keel_bench");
    teardowns.push(scratch.drop);
    process.env.DATABASE_URL = scratch.url;
    const executorPort = await freePort();
    const secret = `whsec_${randomBytes(16).toString("hex")}`;
    const fake = await startStripeFake({ webhookSecret: secret });
    teardowns.push(fake.close);
    fake.seedCatalog();
    Object.assign(process.env, { INNGEST_DEV: `http://127.0.0.1:${executorPort}`, STRIPE_SECRET_KEY: "sk_test_bench", STRIPE_WEBHOOK_SECRET: secret, UNSAFE_STRIPE_API_URL: fake.url });

    const { migrateDatabase } = await import("@/db/migrate");
    const { closeDatabase } = await import("@/db/client");
    const { withSystem } = await import("@/db/tenant");
    const { memberships, organizations, subscriptions, users, stripeEvents } = await import("@/db/schema");
    const { count, isNotNull } = await import("drizzle-orm");
    teardowns.unshift(closeDatabase);
    await migrateDatabase(scratch.url);

    // CUSTOMERS organizations, each with a Stripe customer and an active Pro subscription in the fake.
    const pro = fake.priceByLookupKey("keel_pro_monthly")!.id;
    const subs = await withSystem("bench: organizations and customers", async (tx) => {
      const out = [];
      for (let i = 0; i < CUSTOMERS; i++) {
        const [user] = await tx.insert(users).values({ email: `bench-${i}@example.test` }).returning();
        const [org] = await tx.insert(organizations).values({ slug: `bench-${i}`, name: `Bench ${i}` }).returning();
        await tx.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
        const customer = `cus_bench_${i}`;
        fake.customers.set(customer, { id: customer, object: "customer", metadata: { keel_org_id: org!.id } });
        await tx.insert(subscriptions).values({ orgId: org!.id, stripeCustomerId: customer });
        out.push(fake.createSubscription({ customer, price: pro }).subscription);
      }
      return out;
    });
    const sign = () => Array.from({ length: EVENTS }, (_, i) => fake.event("customer.subscription.updated", subs[i % CUSTOMERS]!));

    const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), "--import", "tsx", "--import", "./scripts/bench/server-only-off.mjs", "scripts/bench/billing-app.ts"], {
      env: { ...process.env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    teardowns.unshift(async () => {
      child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
    });
    const [line] = (await once(child.stdout!.setEncoding("utf8"), "data")) as [string];
    const { webhookUrl, appUrl } = JSON.parse(line) as { webhookUrl: string; appUrl: string };
    const url = `${webhookUrl}/api/webhooks/stripe`;
    const ms = (v: number) => `${v.toFixed(1)} ms`;

    /** Delivers `signed` events CONCURRENCY at a time and prints the route's latencies under `label`. */
    async function deliverAll(label: string, signed: Array<{ id: string; payload: string; header: string }>) {
      const latencies: number[] = [];
      let next = 0;
      let failures = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < signed.length) {
            const e = signed[next++]!;
            const t = performance.now();
            const status = await fake.deliver(e, url);
            latencies.push(performance.now() - t);
            if (status !== 200) failures++;
          }
        }),
      );
      const elapsed = performance.now() - started;
      console.log(
        `  ${label}: p50 ${ms(percentile(latencies, 50))}, p90 ${ms(percentile(latencies, 90))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}; ` +
          `${Math.round((signed.length / elapsed) * 1000)} deliveries/s; ${failures} failed`,
      );
      return started;
    }

    console.log(`stripe webhooks: ${EVENTS.toLocaleString("en-US")} signed events for ${CUSTOMERS} customers, ${CONCURRENCY} concurrent deliveries; app in its own process`);

    // Phase 1, the route alone: the job API answers at once and runs nothing (a stand-in for Inngest accepting
    // events), so what is measured is verify, record, enqueue, hand over, answer.
    const accepting = http.createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        const ids = (JSON.parse(body || "[]") as Array<{ id?: string }>).map((e, i) => e.id ?? String(i));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids, status: 200 }));
      });
    });
    await new Promise<void>((resolve) => accepting.listen(executorPort, "127.0.0.1", resolve));
    // Warm-up: module loading and first connections are not what is measured.
    for (const e of Array.from({ length: 20 }, () => fake.event("customer.subscription.updated", subs[0]!))) await fake.deliver(e, url);
    // Signed ahead, outside the timed loop: signing is the sender's work, not the route's (a signature is good for
    // 5 minutes; each phase takes seconds).
    await deliverAll("route alone (jobs idle)", sign());
    await new Promise<void>((resolve) => accepting.close(() => resolve()));
    const [before] = await withSystem("bench: count processed", (tx) => tx.select({ n: count() }).from(stripeEvents).where(isNotNull(stripeEvents.processedAt)));

    // Phase 2: the real executor drives the app's /api/inngest, so the same server processes the events (syncing
    // each customer from the Stripe fake) while the deliveries go on, as in production.
    const executor = await startDevExecutor({ serveUrl: `${appUrl}/api/inngest`, port: executorPort, syncIntervalMs: 0, log: () => {} });
    teardowns.unshift(executor.stop);
    await executor.sync();
    const started = await deliverAll("route while the app processes them", sign());
    for (;;) {
      const [row] = await withSystem("bench: count processed", (tx) => tx.select({ n: count() }).from(stripeEvents).where(isNotNull(stripeEvents.processedAt)));
      if ((row?.n ?? 0) - (before?.n ?? 0) >= EVENTS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const done = performance.now();
    console.log(`  processing (sync from the Stripe fake, one run per customer at a time): ${Math.round((EVENTS / (done - started)) * 1000)} events/s, all ${EVENTS} done ${((done - started) / 1000).toFixed(1)} s after the first delivery`);
  },
  async () => {
    for (const teardown of teardowns) await teardown().catch(() => {});
  },
);
process.exit(0);
