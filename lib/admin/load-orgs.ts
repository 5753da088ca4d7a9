import { ADMIN_PAGE_SIZE, findAdminOrg, listOrgAudit, listOrgMembersForAdmin, listOrgSubscriptionChanges, listOrgUsage, listOrgsPage } from "@/db/queries/admin";
import type { Tx } from "@/db/tenant";
import { entitlementsIn } from "@/lib/billing/entitlements";
import type { ListSearch } from "./list-search";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many days of usage /admin/orgs/[id] shows. */
export const USAGE_DAYS = 30;

/** One page of /admin/orgs (inside the page's system transaction). */
export async function loadOrgsPage(tx: Tx, search: ListSearch) {
  const rows = await listOrgsPage(tx, search);
  return { search, orgs: rows.slice(0, ADMIN_PAGE_SIZE), hasMore: rows.length > ADMIN_PAGE_SIZE };
}

/** Everything /admin/orgs/[id] shows, or null for no such organization (the page answers 404). */
export async function loadOrgDetail(tx: Tx, id: string) {
  if (!UUID.test(id)) return null;
  const found = await findAdminOrg(tx, id);
  if (!found) return null;
  const since = new Date(Date.now() - USAGE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [entitlements, members, changes, usage, audit] = await Promise.all([
    entitlementsIn(tx, id),
    listOrgMembersForAdmin(tx, id),
    listOrgSubscriptionChanges(tx, id),
    listOrgUsage(tx, id, since),
    listOrgAudit(tx, id),
  ]);
  return { ...found, entitlements, members, changes, usage, audit };
}
