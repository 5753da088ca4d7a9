import { insertAuditEntry } from "@/db/queries/audit";
import type { Tx } from "@/db/tenant";
import { getRequestContext } from "@/lib/request-context";

/** One action of a platform admin: what, on which user or organization, and the reason they gave (when asked). */
export type AdminAuditEntry = {
  /** `admin.` is prepended: "user.disabled" is recorded as "admin.user.disabled". */
  action: string;
  actorId: string;
  target: { type: "user" | "organization" | "feature_flag" | "job"; id: string };
  reason?: string;
  metadata?: Record<string, unknown>;
};

/**
 * Records an admin action in the admin action's own transaction (it exists iff the change commits), in the one
 * audit log. An action on an organization is filed under it, so its owners see that staff acted on it; an action on
 * a person or on the platform has no organization, so no tenant sees it.
 */
export async function recordAdminAudit(tx: Tx, entry: AdminAuditEntry): Promise<void> {
  const ctx = getRequestContext();
  await insertAuditEntry(tx, {
    orgId: entry.target.type === "organization" ? entry.target.id : null,
    actorId: entry.actorId,
    action: `admin.${entry.action}`,
    targetType: entry.target.type,
    targetId: entry.target.id,
    metadata: { ...entry.metadata, ...(entry.reason ? { reason: entry.reason } : {}) },
    ip: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
    requestId: ctx?.requestId ?? null,
  });
}
