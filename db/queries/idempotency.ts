import { and, eq, lt } from "drizzle-orm";
import { idempotencyKeys, type IdempotencyKey } from "../schema";
import type { Tx } from "../tenant";

/**
 * Claims an idempotency key for a request (inside withTenant). Returns null when this transaction now holds it; the
 * existing row otherwise. A concurrent claim of the same key waits on the unique index until the first transaction
 * ends, so a retry racing the original sees its stored response instead of running the request twice.
 */
export async function claimIdempotencyKey(tx: Tx, row: { orgId: string; caller: string; key: string; requestHash: string }): Promise<IdempotencyKey | null> {
  const claimed = await tx.insert(idempotencyKeys).values(row).onConflictDoNothing().returning({ id: idempotencyKeys.id });
  if (claimed.length) return null;
  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, row.orgId), eq(idempotencyKeys.caller, row.caller), eq(idempotencyKeys.key, row.key)));
  return existing ?? null;
}

/** Stores the response of a claimed key (inside the same withTenant transaction). */
export async function storeIdempotentResponse(tx: Tx, where: { orgId: string; caller: string; key: string }, response: { status: number; body: string }) {
  await tx
    .update(idempotencyKeys)
    .set(response)
    .where(and(eq(idempotencyKeys.orgId, where.orgId), eq(idempotencyKeys.caller, where.caller), eq(idempotencyKeys.key, where.key)));
}

/** Forgets an expired claim so the key can be used again (inside withTenant). */
export async function deleteIdempotencyKey(tx: Tx, id: string): Promise<void> {
  await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
}

/** Deletes every stored response older than `before`, in every organization (the cleanup job, as the system). */
export async function deleteIdempotencyKeysBefore(tx: Tx, before: Date): Promise<number> {
  const rows = await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ id: idempotencyKeys.id });
  return rows.length;
}

