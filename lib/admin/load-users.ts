import { ADMIN_PAGE_SIZE, findAdminUser, listUserAudit, listUserMemberships, listUserSessionsForAdmin, listUsersPage } from "@/db/queries/admin";
import type { Tx } from "@/db/tenant";
import type { ListSearch } from "./list-search";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of /admin/users (inside the page's system transaction). */
export async function loadUsersPage(tx: Tx, search: ListSearch) {
  const rows = await listUsersPage(tx, search);
  return { search, users: rows.slice(0, ADMIN_PAGE_SIZE), hasMore: rows.length > ADMIN_PAGE_SIZE };
}

/** Everything /admin/users/[id] shows, or null for no such person (the page answers 404). */
export async function loadUserDetail(tx: Tx, id: string) {
  if (!UUID.test(id)) return null;
  const user = await findAdminUser(tx, id);
  if (!user) return null;
  const [memberships, sessions, audit] = await Promise.all([listUserMemberships(tx, user.id), listUserSessionsForAdmin(tx, user.id, new Date()), listUserAudit(tx, user.id)]);
  return { user, memberships, sessions, audit };
}
