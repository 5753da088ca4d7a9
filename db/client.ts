import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle, PostgresJsSession, PostgresJsTransaction, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { withReplicas } from "drizzle-orm/pg-core";
import postgres, { type Sql } from "postgres";
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
  /**
   * Named prepared statements (default on): a warm statement costs one round trip instead of two (postgres.js
   * describes an unprepared statement with parameters before binding it). Off behind a transaction-mode pooler that
   * keeps no statements across transactions (PgBouncer before 1.21, Supabase's and Neon's poolers), and for the
   * embedded PGlite server, which shares one backend between connections: named statements would collide there.
   */
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

type Connected = {
  db: Database;
  primary: Database;
  /** The postgres.js pool under `primary`, for `pipelinedTransaction`. */
  primaryClient: Sql;
  settings: DatabaseSettings;
  close: () => Promise<void>;
};

/**
 * drizzle prepares only statements given a name (`.prepare("name")`) and sends every other one unnamed, which
 * postgres.js must describe before it can bind the parameters: two round trips a statement. This lets postgres.js
 * prepare (and cache, per connection) every statement when prepared statements are on.
 */
function preparing<T extends Pick<Sql, "unsafe">>(client: T, prepare: boolean): T {
  if (!prepare) return client;
  const unsafe: Sql["unsafe"] = (query, parameters, options) => client.unsafe(query, parameters, { ...options, prepare: true });
  return new Proxy(client, { get: (target, prop, receiver) => (prop === "unsafe" ? unsafe : Reflect.get(target, prop, receiver)) });
}

function createDatabase(settings: DatabaseSettings): Connected {
  const prepare = settings.preparedStatements ?? true;
  const options = { max: settings.poolMax, preparedStatements: prepare };
  const primaryClient = connect(parseDatabaseUrl(settings.url), options);
  const primary = drizzle(preparing(primaryClient, prepare), { schema });
  const replicaClients = (settings.replicaUrls ?? []).map((url) => connect(parseDatabaseUrl(url, "DATABASE_REPLICA_URLS"), options));
  const replicas = replicaClients.map((client) => drizzle(preparing(client, prepare), { schema }));
  const [first, ...rest] = replicas;
  // Reads go to a replica, writes and transactions (so withTenant and read-your-writes) to the primary.
  const db = first ? (withReplicas(primary, [first, ...rest]) as unknown as Database) : primary;
  const close = async () => {
    await Promise.all([primaryClient, ...replicaClients].map((client) => client.end({ timeout: 5 })));
  };
  return { db, primary, primaryClient, settings, close };
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

/** A transaction handle on the primary, as drizzle's `transaction()` passes it. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Whether a driver error means the connection itself is gone (then it is no longer ours to hand back). */
function connectionLost(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("CONNECTION_");
}

// The callbacks registered with `onCommit` in the transaction (or savepoint) the caller runs in.
const commitHooks = new AsyncLocalStorage<Array<() => void>>();

/**
 * Runs `hook` once the transaction the caller is in has committed, and never if it rolls back (a savepoint rolled
 * back drops the hooks registered inside it). For what must know a row is visible to everyone without asking the
 * database again, such as the outbox handing an event to the job queue. Hooks run synchronously, in order.
 */
export function onCommit(hook: () => void): void {
  const hooks = commitHooks.getStore();
  if (!hooks) throw new Error("onCommit() needs an open transaction (withTenant, withUser or withSystem)");
  hooks.push(hook);
}

// Postgres is going away or not back yet: shutting down (57P01-57P03), or the connection itself failing.
const UNAVAILABLE = /^(CONNECTION_|CONNECT_TIMEOUT$|ECONNREFUSED$|ECONNRESET$|EPIPE$|57P0[123]$|08)/;

/**
 * Whether an error means the database cannot be reached right now (a restart, a failover, a network cut), as
 * opposed to a bad query: callers answer 503 and the pool reconnects by itself on the next query.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE.test(code)) return true;
  }
  return false;
}

/**
 * Runs `fn` in a transaction on the primary that costs no round trip of its own. drizzle's (and postgres.js')
 * `transaction()` waits for `begin` to come back before the first statement; here `opening` (which must start with
 * `begin`, and may set transaction-local settings) is written ahead of `fn`'s first statement in the same network
 * write, on a connection reserved for the transaction. Should `opening` fail, the transaction is aborted and every
 * statement of `fn` fails with it: none can run outside it. `opening` is sent as one simple-protocol message, so it
 * must carry no untrusted text.
 */
export async function pipelinedTransaction<T>(opening: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { primary, primaryClient, settings } = database();
  const reserved = await primaryClient.reserve();
  const hooks: Array<() => void> = [];
  let lost = false;
  let finished = false;
  let committed = false;
  let result: T;
  let savepoints = 0;
  const watch = <R>(query: Promise<R>): Promise<R> =>
    query.catch((err: unknown) => {
      lost ||= connectionLost(err);
      throw err;
    });
  const client = preparing(
    {
      unsafe: ((query, parameters, options) => {
        // A statement from fn after its transaction ended would run outside it, or in someone else's.
        if (finished) throw new Error("pipelinedTransaction: a statement was sent after its transaction ended");
        const pending = reserved.unsafe(query, parameters, options);
        void watch(pending).catch(() => {});
        return pending;
      }) as Sql["unsafe"],
      savepoint: async <R>(inner: (sql: unknown) => Promise<R>) => {
        const name = `s${savepoints++}`;
        const parent = commitHooks.getStore() ?? hooks;
        const own: Array<() => void> = [];
        await watch(reserved.unsafe(`savepoint ${name}`));
        try {
          const value = await commitHooks.run(own, () => inner(client));
          await watch(reserved.unsafe(`release savepoint ${name}`));
          parent.push(...own);
          return value;
        } catch (err) {
          if (!lost) await reserved.unsafe(`rollback to savepoint ${name}`).catch(() => {});
          throw err;
        }
      },
    },
    settings.preparedStatements ?? true,
  );
  const base = (primary as unknown as { session: { dialect: ConstructorParameters<typeof PostgresJsSession>[1]; schema: ConstructorParameters<typeof PostgresJsSession>[2]; options: ConstructorParameters<typeof PostgresJsSession>[3] } }).session;
  const session = new PostgresJsSession(client as unknown as Sql, base.dialect, base.schema, base.options);
  const tx = new PostgresJsTransaction(base.dialect, session as never, base.schema as never) as unknown as Tx;
  try {
    // fn settles before anything else is sent, so none of its statements can land after the rollback. A failed
    // opening is reported as itself rather than as fn's "current transaction is aborted".
    const [opened, ran] = await Promise.allSettled([watch(reserved.unsafe(opening)), commitHooks.run(hooks, () => fn(tx))]);
    if (opened.status === "rejected") throw opened.reason;
    if (ran.status === "rejected") throw ran.reason;
    // `commit` of a transaction a swallowed error aborted answers ROLLBACK, not an error: nothing committed then.
    const ended = await watch(reserved.unsafe("commit"));
    committed = (ended as unknown as { command?: string }).command === "COMMIT";
    result = ran.value;
  } catch (err) {
    if (!lost) await reserved.unsafe("rollback").catch(() => {});
    throw err;
  } finally {
    finished = true;
    // A lost connection is back in the pool's closed list already; releasing it would hand it out as open.
    if (!lost) reserved.release();
  }
  // After the release: a hook may open the next transaction, and must not wait for this connection.
  if (committed) for (const hook of hooks) hook();
  return result;
}
