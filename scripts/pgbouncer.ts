// tsx scripts/pgbouncer.ts [port] - PgBouncer in transaction mode on 127.0.0.1:[port] (default 6432) in front of the
// Postgres server of DATABASE_URL (default 127.0.0.1:5432), for any database name, until stopped (Ctrl-C, SIGTERM).
// CI runs the Vitest suite a second time through it (.ci/run); `BENCH_PGBOUNCER=1 npm run bench:tenant` reads through it.
import { startPgBouncer } from "@/test/pgbouncer";

const port = Number(process.argv[2] ?? 6432);
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const bouncer = await startPgBouncer(server, { port });
console.log(`pgbouncer: transaction mode on 127.0.0.1:${bouncer.port}, in front of ${new URL(server).host}`);
const stop = () => void bouncer.stop().then(() => process.exit(0));
process.on("SIGINT", stop).on("SIGTERM", stop);
