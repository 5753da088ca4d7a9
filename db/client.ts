import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { withReplicas } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "./schema";
import { parseDatabaseUrl } from "./url";

export type Database = PostgresJsDatabase<typeof schema>;

/** Opens a postgres.js pool on a URL; the one place driver options are chosen. */
export function connect(url: string, options: { max?: number } = {}) {
  return postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10),
    connect_timeout: 10,
    // The embedded PGlite server shares one backend between connections: named prepared statements would collide.
    prepare: process.env.KEEL_EMBEDDED_DB !== "1",
    onnotice: () => {},
  });
}

function createDatabase(): { db: Database; primary: Database; close: () => Promise<void> } {
  const primaryClient = connect(parseDatabaseUrl(process.env.DATABASE_URL));
  const primary = drizzle(primaryClient, { schema });
  const replicaUrls = (process.env.DATABASE_REPLICA_URLS ?? "").split(",").map((u) => u.trim()).filter(Boolean);
  const replicaClients = replicaUrls.map((url) => connect(parseDatabaseUrl(url, "DATABASE_REPLICA_URLS")));
  const replicas = replicaClients.map((client) => drizzle(client, { schema }));
  const [first, ...rest] = replicas;
  // Reads go to a replica, writes and transactions (so withTenant and read-your-writes) to the primary.
  const db = first ? (withReplicas(primary, [first, ...rest]) as unknown as Database) : primary;
  const close = async () => {
    await Promise.all([primaryClient, ...replicaClients].map((client) => client.end({ timeout: 5 })));
  };
  return { db, primary, close };
}

// One pool per process, kept across dev hot reloads.
const state = globalThis as unknown as { keelDatabase?: ReturnType<typeof createDatabase> };

function database() {
  state.keelDatabase ??= createDatabase();
  return state.keelDatabase;
}

// Next evaluates server modules while building, when no database is configured: connect on first use instead.
function lazy(pick: (d: ReturnType<typeof createDatabase>) => Database): Database {
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

/** The primary's real drizzle instance, for libraries that check its class (the Auth.js adapter); connects on first call. */
export function primaryDatabase(): Database {
  return database().primary;
}

/** Closes the pools (scripts and tests; a server keeps them for its lifetime). */
export async function closeDatabase(): Promise<void> {
  const current = state.keelDatabase;
  state.keelDatabase = undefined;
  await current?.close();
}
