import type { TestProject } from "vitest/node";
import { migrateDatabase } from "./db/migrate";
import { createScratchDatabase } from "./db/scratch-database";
import { startEmbeddedPostgres } from "./scripts/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}

/**
 * One fresh, migrated database for the run: a scratch database on the server of DATABASE_URL (dropped at the
 * end), or, with no DATABASE_URL, an in-memory PGlite served over the Postgres protocol.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "keel_test");
    await migrateDatabase(scratch.url);
    project.provide("databaseUrl", scratch.url);
    project.provide("embeddedDatabase", false);
    return () => scratch.drop();
  }
  const embedded = await startEmbeddedPostgres();
  process.env.KEEL_EMBEDDED_DB = "1";
  await migrateDatabase(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("embeddedDatabase", true);
  return () => embedded.stop();
}
