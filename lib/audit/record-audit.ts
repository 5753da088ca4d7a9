import { insertAuditEntry } from "@/db/queries/audit";
import { withSystem, withUser, type Tx } from "@/db/tenant";
import { getRequestContext } from "@/lib/request-context";

/** One security-relevant action: who did what to which target. IP, browser and request id come from the request. */
export type AuditEntry = {
  action: string;
  actorId: string | null;
  target?: { type: string; id: string };
  metadata?: Record<string, unknown>;
};

function row(orgId: string | null, entry: AuditEntry) {
  const ctx = getRequestContext();
  return {
    orgId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    metadata: entry.metadata ?? {},
    ip: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
    requestId: ctx?.requestId ?? null,
  };
}

/** Records an organization's audit entry in the caller's withTenant transaction: it exists iff the change commits. */
export async function recordAudit(tx: Tx, orgId: string, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(tx, row(orgId, entry));
}

/**
 * Records an account-level entry (sign-in, password change): no organization, so no tenant ever sees it. Inside
 * the caller's transaction when given one; otherwise in the actor's own withUser transaction (the system's when
 * nobody acted).
 */
export async function recordAccountAudit(entry: AuditEntry, tx?: Tx): Promise<void> {
  if (tx) await insertAuditEntry(tx, row(null, entry));
  else if (entry.actorId) await withUser(entry.actorId, (own) => insertAuditEntry(own, row(null, entry)));
  else await withSystem("audit entry outside an organization with no actor", (sys) => insertAuditEntry(sys, row(null, entry)));
}
