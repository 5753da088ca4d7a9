import { listAuditEntriesAfter } from "@/db/queries/audit";
import type { Tx } from "@/db/tenant";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import type { OrgContext } from "@/lib/orgs/membership";
import { entitlementsIn } from "@/lib/billing/entitlements";
import { toAuditFilter } from "./audit-filter";

type Search = { action?: string; actor?: string; from?: string; to?: string; limit: number; cursor?: string };

/**
 * One keyset page of the audit log for the public API (inside withTenant): filtered, within the retention of the
 * organization's entitlements (as the audit log page).
 */
export async function listAuditAfter(tx: Tx, org: Pick<OrgContext, "orgId">, search: Search) {
  const filter = toAuditFilter({ ...search, page: 1 }, (await entitlementsIn(tx, org.orgId)).limits.auditLogDays);
  const { entries, next } = await listAuditEntriesAfter(tx, filter, { limit: search.limit, cursor: decodeCursor(search.cursor) });
  return { entries, nextCursor: encodeCursor(next) };
}
