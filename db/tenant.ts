import type { TransactionSql } from "postgres";
import { log } from "@/lib/log";
import { primaryDb, type Database } from "./client";

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
      .unsafe(SET_CONTEXT, [orgId, userId], { prepare: PREPARE })
      .then(() => undefined);
    const [, result] = await Promise.all([context, fn(tx)]);
    return result;
  });
}

const SET_CONTEXT =
  "select set_config('app.org_id', $1, true), set_config('app.user_id', $2, true), set_config('role', 'app_user', true)";

// A prepared statement skips the describe round trip that postgres.js makes before binding an unprepared
// statement's parameters, and only then can the next statement ride in the same write. drizzle prepares
// nothing unnamed, hence the driver call. The embedded PGlite server shares one backend, so no prepared statements.
const PREPARE = process.env.KEEL_EMBEDDED_DB !== "1";

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
  log.info({ reason }, "system database access");
  return primaryDb.transaction(fn);
}
