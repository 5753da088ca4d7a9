import { auditLogs } from "@/db/schema";
import { withSystem, type Tx } from "@/db/tenant";
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
  await tx.insert(auditLogs).values(row(orgId, entry));
}

/** Records an account-level entry (sign-in, password change): no organization, so no tenant ever sees it. */
export async function recordAccountAudit(entry: AuditEntry, tx?: Tx): Promise<void> {
  if (tx) await tx.insert(auditLogs).values(row(null, entry));
  else await withSystem("audit entry outside an organization", (sys) => sys.insert(auditLogs).values(row(null, entry)));
}
