import { AsyncLocalStorage } from "node:async_hooks";
import { database, pipelinedTransaction, type Tx } from "./client";

export { onCommit } from "./client";

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
export type { Tx };

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

async function asAppUser<T>(orgId: string, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return pipelinedTransaction(opening(orgId, userId), (tx) => open.run(true, () => fn(tx)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `begin`, both settings and the role in one simple-protocol message, written ahead of fn's first statement: the
 * context costs no round trip of its own, with or without prepared statements (behind a transaction-mode pooler a
 * statement with bound parameters costs a describe round trip and holds up everything queued behind it). The ids
 * are checked to be UUIDs or empty (withUser sets no organization, a webhook job no user), so the literals can carry nothing else.
 */
function opening(orgId: string, userId: string): string {
  if (orgId !== "" && !UUID.test(orgId)) throw new Error("withTenant: the organization id is not a UUID");
  if (userId !== "" && !UUID.test(userId)) throw new Error("withTenant: the user id is not a UUID");
  return `begin; select set_config('app.org_id', '${orgId}', true), set_config('app.user_id', '${userId}', true), set_config('role', 'app_user', true)`;
}

/**
 * The one way around Row-Level Security: runs `fn` in a transaction as the connecting role (which must own the
 * tables with BYPASSRLS, or be a superuser). Every use names its reason, and the reason is logged.
 */
export function withSystem<T>(reason: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  database().settings.logger?.info({ reason }, "system database access");
  return pipelinedTransaction("begin", (tx) => open.run(true, () => fn(tx)));
}
