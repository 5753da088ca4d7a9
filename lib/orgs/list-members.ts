import { listPendingInvitations } from "@/db/queries/invitations";
import { listMembers as listMemberRows } from "@/db/queries/memberships";
import type { Tx } from "@/db/tenant";
import type { OrgContext } from "./membership";
import { can } from "./permissions";

/** The organization's members with their public profile, owners first (inside withTenant). */
export function listMembers(tx: Tx, org: Pick<OrgContext, "orgId">) {
  return listMemberRows(tx, org.orgId);
}

/** The members page's data: every member, and the pending invitations for those who may see and manage them. */
export async function listMembersPage(tx: Tx, org: OrgContext, now = new Date()) {
  return {
    members: await listMemberRows(tx, org.orgId),
    invitations: can(org.role, "members:invite")
      ? (await listPendingInvitations(tx, org.orgId)).map((i) => ({ ...i, expired: i.expiresAt <= now }))
      : [],
  };
}
