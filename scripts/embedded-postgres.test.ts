import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { startEmbeddedPostgres } from "./embedded-postgres";

// The embedded database is what `npm run dev` runs on a fresh clone; CI has a real Postgres, so test it here.
describe("embedded Postgres (PGlite over the wire protocol)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-pglite-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const open = (url: string) => postgres(url, { max: 4, prepare: false, onnotice: () => {} });

  it("keeps its data across a stop and a start", async () => {
    const first = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "db") });
    await migrateDatabase(first.url);
    const sql = open(first.url);
    await sql`insert into organizations (slug, name) values ('kept', 'Kept Inc.')`;
    await sql.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "db") });
    const again = open(second.url);
    const rows = await again`select name from organizations where slug = 'kept'`;
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ name: "Kept Inc." }]);
  }, 60_000);

  it("refuses a second owner of the same data directory while the first runs", async () => {
    const owner = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "locked") });
    try {
      fs.writeFileSync(path.join(dataDir, "locked.lock"), String(process.ppid)); // a live process that is not us
      await expect(startEmbeddedPostgres({ dataDir: path.join(dataDir, "locked") })).rejects.toThrow(/in use by process/);
    } finally {
      await owner.stop();
    }
  }, 60_000);

  it("serves concurrent clients without mixing their statements or transactions", async () => {
    const server = await startEmbeddedPostgres();
    const [one, two] = [open(server.url), open(server.url)];
    try {
      await one`create table counters (id int primary key, n int not null)`;
      await one`insert into counters values (1, 0)`;
      // Parameterized statements from eight connections at once: each must get its own answer.
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => (i % 2 ? one : two)`select ${i}::int + 1 as v`.then(([r]) => r!.v)),
      );
      expect(answers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      // A transaction's uncommitted write is invisible to the other client, and local settings stay in it.
      await one.begin(async (tx) => {
        await tx`update counters set n = 42 where id = 1`;
        await tx`select set_config('app.org_id', 'inside', true)`;
        const [outside] = await Promise.race([
          two`select n, current_setting('app.org_id', true) as org from counters where id = 1`,
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("other client blocked")), 200)),
        ]).catch(() => [undefined]);
        // The other client waits for the backend (single-user PGlite) rather than seeing a half-done transaction.
        expect(outside).toBeUndefined();
      });
      const [after] = await two`select n, current_setting('app.org_id', true) as org from counters where id = 1`;
      expect(after).toEqual({ n: 42, org: "" });
    } finally {
      await Promise.all([one.end(), two.end()]);
      await server.stop();
    }
  }, 60_000);
});
