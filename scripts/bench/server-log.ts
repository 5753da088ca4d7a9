import fs from "node:fs";

/** Resolves once `url` answers 2xx; throws after `ms`. */
export async function waitFor(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

/** The Postgres server log the benchmarks count statements in (`BENCH_PG_LOG`). */
export const PG_LOG = process.env.BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";

/** Statements Postgres logged for `dbName` while `fn` ran (null when the server log is not readable here). */
export async function countStatements(dbName: string, fn: () => Promise<void>): Promise<number | null> {
  if (!fs.existsSync(PG_LOG)) return null;
  const before = fs.statSync(PG_LOG).size;
  await fn();
  await new Promise((r) => setTimeout(r, 500));
  const fd = fs.openSync(PG_LOG, "r");
  const buffer = Buffer.alloc(fs.statSync(PG_LOG).size - before);
  fs.readSync(fd, buffer, 0, buffer.length, before);
  fs.closeSync(fd);
  return buffer
    .toString("utf8")
    .split("\n")
    .filter((line) => line.includes(`@${dbName} `) && /LOG:\s+(statement|execute)/.test(line)).length;
}
