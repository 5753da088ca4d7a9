import { listAuditActions, listAuditActors, listAuditEntries } from "@/db/queries/audit";
import type { Tx } from "@/db/tenant";
import type { OrgContext } from "@/lib/orgs/membership";
import { planById } from "@/lib/plans";
import { AUDIT_PAGE_SIZE, toAuditFilter, type AuditSearch } from "./audit-filter";

/**
 * The audit log page's data (inside withTenant): one page of entries matching `search`, no older than the plan
 * keeps them, and the actions and people to filter by.
 */
export async function listAuditPage(tx: Tx, org: Pick<OrgContext, "plan">, search: AuditSearch) {
  const retentionDays = planById(org.plan).limits.auditLogDays;
  const page = await listAuditEntries(tx, toAuditFilter(search, retentionDays), { offset: (search.page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
  return { ...page, retentionDays, actions: await listAuditActions(tx), actors: await listAuditActors(tx) };
}
