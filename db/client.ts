import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { withReplicas } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "./schema";
import { DatabaseSetupError, parseDatabaseUrl } from "./url";

export type Database = PostgresJsDatabase<typeof schema>;

/** Where db/ reports; pino's logger fits. */
export type DatabaseLogger = { info: (fields: Record<string, unknown>, message: string) => void };

/**
 * What db/ needs from whoever runs it. db/ reads no environment and imports nothing above it: the app passes
 * lib/env's values and its logger (lib/database.ts), scripts and tests pass their own.
 */
export type DatabaseSettings = {
  url: string | undefined;
  replicaUrls?: string[];
  /** Connections per pool (default 10). */
  poolMax?: number;
  /** Off for the embedded PGlite server, which shares one backend between connections: named statements would collide. */
  preparedStatements?: boolean;
  /** Receives `withSystem`'s line naming each reason for going around RLS. */
  logger?: DatabaseLogger;
};

/** Opens a postgres.js pool on a URL; the one place driver options are chosen. */
export function connect(url: string, options: { max?: number; preparedStatements?: boolean } = {}) {
  return postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 10,
    prepare: options.preparedStatements ?? true,
    onnotice: () => {},
  });
}

type Connected = { db: Database; primary: Database; settings: DatabaseSettings; close: () => Promise<void> };

function createDatabase(settings: DatabaseSettings): Connected {
  const options = { max: settings.poolMax, preparedStatements: settings.preparedStatements };
  const primaryClient = connect(parseDatabaseUrl(settings.url), options);
  const primary = drizzle(primaryClient, { schema });
  const replicaClients = (settings.replicaUrls ?? []).map((url) => connect(parseDatabaseUrl(url, "DATABASE_REPLICA_URLS"), options));
  const replicas = replicaClients.map((client) => drizzle(client, { schema }));
  const [first, ...rest] = replicas;
  // Reads go to a replica, writes and transactions (so withTenant and read-your-writes) to the primary.
  const db = first ? (withReplicas(primary, [first, ...rest]) as unknown as Database) : primary;
  const close = async () => {
    await Promise.all([primaryClient, ...replicaClients].map((client) => client.end({ timeout: 5 })));
  };
  return { db, primary, settings, close };
}

// One pool per process, kept across dev hot reloads (and shared by the bundles Next builds, which each have their
// own copy of this module).
const state = globalThis as unknown as { keelDatabase?: Connected; keelDatabaseSettings?: () => DatabaseSettings };

/**
 * Tells db/ where its database is. `settings` is read when the pool opens (first use, and again after
 * `closeDatabase()`), so a test that changes the environment and closes the pool reconnects to the new place.
 */
export function configureDatabase(settings: () => DatabaseSettings): void {
  state.keelDatabaseSettings = settings;
}

/** The open pool and the settings it was opened with; opens it on first use. */
export function database(): Connected {
  if (!state.keelDatabase) {
    const settings = state.keelDatabaseSettings;
    if (!settings) throw new DatabaseSetupError("the database is not configured: the server start (lib/database.ts), a script or the test setup calls configureDatabase() first");
    state.keelDatabase = createDatabase(settings());
  }
  return state.keelDatabase;
}

// Next evaluates server modules while building, when no database is configured: connect on first use instead.
function lazy(pick: (d: Connected) => Database): Database {
  return new Proxy({} as Database, {
    get: (_, prop) => {
      const target = pick(database());
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The application database (reads may go to a replica). Tenant data only through `withTenant`. */
export const db: Database = lazy((d) => d.db);

/** The primary alone: transactions, migrations, and reads that must see a write just made. */
export const primaryDb: Database = lazy((d) => d.primary);

/** Closes the pools (scripts and tests; a server keeps them for its lifetime). */
export async function closeDatabase(): Promise<void> {
  const current = state.keelDatabase;
  state.keelDatabase = undefined;
  await current?.close();
}
