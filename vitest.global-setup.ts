import type { TestProject } from "vitest/node";
import { migrateDatabase } from "./db/migrate";
import { createScratchDatabase } from "./test/scratch-database";
import { startEmbeddedPostgres } from "./scripts/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
    /** The Postgres server itself, when DATABASE_URL goes through a pooler (KEEL_TEST_DIRECT_URL); else serverUrl. */
    directUrl: string;
    templateName: string;
    embeddedDatabase: boolean;
  }
}

/**
 * The run's databases: on the server of DATABASE_URL a freshly migrated template (each test file then works in
 * its own copy, see vitest.setup.ts), all dropped at the end; with no DATABASE_URL, an in-memory PGlite served
 * over the Postgres protocol. When DATABASE_URL goes through a transaction-mode pooler (CI's PgBouncer pass),
 * KEEL_TEST_DIRECT_URL names the server behind it: databases are made and migrated there (a template must have no
 * connections, which a pooler keeps open, and migrations hold a session lock), and the tests connect through the pooler.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const directUrl = process.env.KEEL_TEST_DIRECT_URL || serverUrl;
    const template = await createScratchDatabase(directUrl, "keel_test");
    await migrateDatabase(template.url);
    project.provide("databaseUrl", template.url);
    project.provide("serverUrl", serverUrl);
    project.provide("directUrl", directUrl);
    project.provide("templateName", template.name);
    project.provide("embeddedDatabase", false);
    return async () => {
      await template.drop();
    };
  }
  const embedded = await startEmbeddedPostgres();
  process.env.KEEL_EMBEDDED_DB = "1";
  await migrateDatabase(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("serverUrl", "");
  project.provide("directUrl", "");
  project.provide("templateName", "");
  project.provide("embeddedDatabase", true);
  return () => embedded.stop();
}
