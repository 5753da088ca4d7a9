import { listAuditActions, listAuditActors, listAuditEntries } from "@/db/queries/audit";
import type { Tx } from "@/db/tenant";
import type { OrgContext } from "@/lib/orgs/membership";
import { entitlementsIn } from "@/lib/billing/entitlements";
import { AUDIT_PAGE_SIZE, toAuditFilter, type AuditSearch } from "./audit-filter";

/**
 * The audit log page's data (inside withTenant): one page of entries matching `search`, no older than the
 * organization's entitlements keep them (a past-due plan after its grace period keeps Free's days, a plan given
 * without Stripe its own), and the actions and people to filter by.
 */
export async function listAuditPage(tx: Tx, org: Pick<OrgContext, "orgId">, search: AuditSearch) {
  const { plan, limits } = await entitlementsIn(tx, org.orgId);
  const retentionDays = limits.auditLogDays;
  const page = await listAuditEntries(tx, toAuditFilter(search, retentionDays), { offset: (search.page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
  return { ...page, retentionDays, planName: plan.name, actions: await listAuditActions(tx), actors: await listAuditActors(tx) };
}
