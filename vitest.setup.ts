import { afterAll, inject } from "vitest";
import { createScratchDatabase } from "./test/scratch-database";

// Every test file gets a database of its own, copied from the run's migrated template, so no file sees another's
// rows (a relay in one file cannot deliver another file's events). The embedded PGlite has a single database:
// there the files share it and run one at a time (see vitest.config.ts).
if (inject("embeddedDatabase")) {
  process.env.KEEL_EMBEDDED_DB = "1";
  process.env.DATABASE_URL = inject("databaseUrl");
} else {
  // Made on the server itself, used through DATABASE_URL's way in (a pooler in CI's PgBouncer pass).
  const copy = await createScratchDatabase(inject("directUrl"), "keel_test_file", { template: inject("templateName") });
  const url = new URL(inject("serverUrl"));
  url.pathname = `/${copy.name}`;
  process.env.DATABASE_URL = url.toString();
  afterAll(async () => {
    await (await import("./db/client")).closeDatabase();
    await copy.drop();
  });
}

// The app's own wiring, as the server start does it; imported only now, so lib/env reads the URL set above.
const [{ reloadEnv }, { connectDatabase }] = await Promise.all([import("./lib/env"), import("./lib/database")]);
reloadEnv();
connectDatabase();
