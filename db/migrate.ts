import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import path from "node:path";
import postgres from "postgres";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Arbitrary constant: serializes concurrent migrators (several app instances starting at once).
const MIGRATION_LOCK = 727_001;

/** Applies pending migrations to the database at `url`, one migrator at a time. */
export async function migrateDatabase(url: string): Promise<void> {
  const client = postgres(url, {
    max: 1,
    connect_timeout: 10,
    // A handful of statements: preparing them would gain nothing, and the embedded PGlite server cannot share them.
    prepare: false,
    onnotice: () => {},
  });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
