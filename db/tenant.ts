import { AsyncLocalStorage } from "node:async_hooks";
import type { TransactionSql } from "postgres";
import { database, primaryDb, type Database } from "./client";

// Marks the code running inside one of the doors' transactions, for `inTransaction()`.
const open = new AsyncLocalStorage<true>();

/**
 * Whether the caller runs inside a `withTenant`, `withUser` or `withSystem` transaction. Network and cache calls
 * check it and refuse (lib/cache): a transaction must not wait on anything but its own database.
 */
export function inTransaction(): boolean {
  return open.getStore() === true;
}

/** Who is acting, and in which organization. */
export type TenantContext = { orgId: string; userId: string };

/** A transaction handle; query functions take it as their first argument. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Runs `fn` in one transaction as `app_user`, with `app.org_id` and `app.user_id` set, so Row-Level Security
 * confines every statement to the organization. The settings are transaction-local (`set_config(..., true)`):
 * they die with the transaction and a pooled connection comes back clean.
 */
export function withTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asAppUser(ctx.orgId, ctx.userId, fn);
}

/**
 * Runs `fn` as `app_user` for a signed-in person outside any organization: `app.user_id` is set, `app.org_id` is
 * not, so tenant rows stay hidden and only the policies for a person's own rows (their memberships, the
 * organizations they belong to) let anything through.
 */
export function withUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asAppUser("", userId, fn);
}

function asAppUser<T>(orgId: string, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return primaryDb.transaction(async (tx) => {
    // Started before fn runs and not awaited first: postgres.js writes it ahead of fn's first statement on the
    // same connection, so the context costs no round trip of its own. Should it fail, the transaction is aborted
    // and fn's statements fail with it; none can run without the context.
    const context = driverOf(tx)
      .unsafe(SET_CONTEXT, [orgId, userId], { prepare: database().settings.preparedStatements ?? true })
      .then(() => undefined);
    const [, result] = await Promise.all([context, open.run(true, () => fn(tx))]);
    return result;
  });
}

const SET_CONTEXT =
  "select set_config('app.org_id', $1, true), set_config('app.user_id', $2, true), set_config('role', 'app_user', true)";

// The context is a prepared statement (unless the settings turn them off, as for the embedded PGlite server): that
// skips the describe round trip postgres.js makes before binding an unprepared statement's parameters, and only
// then can the next statement ride in the same write. drizzle prepares nothing unnamed, hence the driver call.

/** The postgres.js transaction under a drizzle transaction. */
function driverOf(tx: Tx): TransactionSql {
  const client = (tx as unknown as { session?: { client?: TransactionSql } }).session?.client;
  if (typeof client?.unsafe !== "function") throw new Error("withTenant: drizzle's postgres.js session has changed shape");
  return client;
}

/**
 * The one way around Row-Level Security: runs `fn` in a transaction as the connecting role (which must own the
 * tables with BYPASSRLS, or be a superuser). Every use names its reason, and the reason is logged.
 */
export function withSystem<T>(reason: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  database().settings.logger?.info({ reason }, "system database access");
  return primaryDb.transaction((tx) => open.run(true, () => fn(tx)));
}
