import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditLogs, users, type NewAuditLog } from "../schema";
import type { Tx } from "../tenant";
import { keysetOf, olderThan, type Keyset } from "./keyset";

/** Appends an entry to the audit log, in the caller's transaction (withTenant for an organization's, withUser for a person's own). */
export async function insertAuditEntry(tx: Tx, entry: NewAuditLog): Promise<void> {
  await tx.insert(auditLogs).values(entry);
}

/** What the audit log page filters on; every field optional. `to` is exclusive. */
export type AuditFilter = { action?: string; actorId?: string; from?: Date; to?: Date; target?: { type: string; id: string } };

function where(filter: AuditFilter): SQL | undefined {
  return and(
    filter.action ? eq(auditLogs.action, filter.action) : undefined,
    filter.actorId ? eq(auditLogs.actorId, filter.actorId) : undefined,
    filter.from ? gte(auditLogs.createdAt, filter.from) : undefined,
    filter.to ? lt(auditLogs.createdAt, filter.to) : undefined,
    filter.target ? and(eq(auditLogs.targetType, filter.target.type), eq(auditLogs.targetId, filter.target.id)) : undefined,
  );
}

const targetUsers = alias(users, "target_user");

// What a listed entry carries: the row, its actor's name and email, and the person it is about (a member whose
// role changed), so the page names them instead of an id.
const entryColumns = {
  id: auditLogs.id,
  action: auditLogs.action,
  targetType: auditLogs.targetType,
  targetId: auditLogs.targetId,
  metadata: auditLogs.metadata,
  ip: auditLogs.ip,
  userAgent: auditLogs.userAgent,
  requestId: auditLogs.requestId,
  createdAt: auditLogs.createdAt,
  actor: { id: users.id, name: users.name, email: users.email },
  targetUser: { name: targetUsers.name, email: targetUsers.email },
};

/**
 * One page of the organization's audit entries, newest first, with the actor's name and email (run inside
 * withTenant: RLS confines it to the organization). `hasMore` says whether a next page exists.
 */
export async function listAuditEntries(tx: Tx, filter: AuditFilter, page: { offset: number; limit: number }) {
  const rows = await tx
    .select(entryColumns)
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .leftJoin(targetUsers, and(eq(auditLogs.targetType, "user"), eq(sql`${targetUsers.id}::text`, auditLogs.targetId)))
    .where(where(filter))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return { entries: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/** One page of the organization's audit entries matching `filter`, newest first, after `cursor` (the public API's keyset pages). */
export async function listAuditEntriesAfter(tx: Tx, filter: AuditFilter, page: { limit: number; cursor?: Keyset }) {
  const rows = await tx
    .select({ ...entryColumns, ts: keysetOf(auditLogs.createdAt) })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .leftJoin(targetUsers, and(eq(auditLogs.targetType, "user"), eq(sql`${targetUsers.id}::text`, auditLogs.targetId)))
    .where(and(where(filter), page.cursor ? olderThan(auditLogs.createdAt, auditLogs.id, page.cursor) : undefined))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(page.limit + 1);
  const kept = rows.slice(0, page.limit);
  const last = kept.at(-1);
  const entries = kept.map((row) => {
    const { ts, ...entry } = row;
    void ts;
    return entry;
  });
  return { entries, next: rows.length > page.limit && last ? { ts: last.ts, id: last.id } : null };
}

/** An audit entry as the page shows it. */
export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

/** The distinct actions in the organization's audit log, for the filter. */
export async function listAuditActions(tx: Tx): Promise<string[]> {
  const rows = await tx.selectDistinct({ action: auditLogs.action }).from(auditLogs).orderBy(asc(auditLogs.action));
  return rows.map((r) => r.action);
}

/** The people who appear as actors in the organization's audit log (members past and present), for the filter. */
export function listAuditActors(tx: Tx) {
  return tx
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(auditLogs)
    .innerJoin(users, eq(users.id, auditLogs.actorId))
    .orderBy(asc(users.email));
}
