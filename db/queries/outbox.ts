import { and, asc, inArray, isNull, lt, sql } from "drizzle-orm";
import { outboxEvents, type NewOutboxEvent } from "../schema";
import type { Tx } from "../tenant";

/** An outbox row as it is handed to Inngest. */
export type PendingEvent = { id: string; name: string; data: Record<string, unknown> };

const pendingColumns = { id: outboxEvents.id, name: outboxEvents.name, data: outboxEvents.data };

/** Writes an event beside the business change, in the caller's transaction. */
export async function insertOutboxEvent(tx: Tx, row: NewOutboxEvent & { id: string }): Promise<void> {
  await tx.insert(outboxEvents).values(row);
}

/** The oldest unsent events written before `before`, at most `limit`. */
export function findUnsent(tx: Tx, before: Date, limit: number): Promise<PendingEvent[]> {
  return tx
    .select(pendingColumns)
    .from(outboxEvents)
    .where(and(isNull(outboxEvents.sentAt), lt(outboxEvents.createdAt, before)))
    .orderBy(asc(outboxEvents.createdAt))
    .limit(limit);
}

/** Marks events as accepted by Inngest; only ever after it accepted them. */
export async function markSent(tx: Tx, ids: string[]): Promise<void> {
  await tx
    .update(outboxEvents)
    .set({ sentAt: new Date() })
    .where(and(inArray(outboxEvents.id, ids), isNull(outboxEvents.sentAt)));
}

/** Records a failed hand-over; the relay tries again later. */
export async function markFailed(tx: Tx, ids: string[], error: string): Promise<void> {
  await tx
    .update(outboxEvents)
    .set({ attempts: sql`${outboxEvents.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(and(inArray(outboxEvents.id, ids), isNull(outboxEvents.sentAt)));
}

/** Deletes sent events older than `before`; the outbox is a hand-over, not an archive. */
export async function deleteSentBefore(tx: Tx, before: Date): Promise<number> {
  const rows = await tx
    .delete(outboxEvents)
    .where(lt(outboxEvents.sentAt, before))
    .returning({ id: outboxEvents.id });
  return rows.length;
}

/**
 * The events still unsent that were written before `before`, and when the oldest unsent event was written
 * (health: events that old mean the relay is not draining the outbox).
 */
export async function unsentBacklog(tx: Tx, before: Date): Promise<{ stalled: number; oldest: Date | null }> {
  const [row] = await tx
    .select({
      stalled: sql<number>`(count(*) filter (where ${outboxEvents.createdAt} < ${before.toISOString()}::timestamptz))::int`,
      oldest: sql<string | null>`min(${outboxEvents.createdAt})`,
    })
    .from(outboxEvents)
    .where(isNull(outboxEvents.sentAt));
  return { stalled: row?.stalled ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}
