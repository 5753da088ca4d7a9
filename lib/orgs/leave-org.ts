import { deleteMember, lockOwners } from "@/db/queries/memberships";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { lastOwnerError } from "./change-member-role";
import { invalidateMemberships, type OrgContext } from "./membership";

/** The caller leaves the organization (anyone may), unless they are its last owner. */
export async function leaveOrg(org: OrgContext): Promise<void> {
  await withTenant({ orgId: org.orgId, userId: org.userId }, async (tx) => {
    const owners = await lockOwners(tx, org.orgId);
    if (owners.includes(org.userId) && owners.length <= 1) throw lastOwnerError("The last owner can't leave");
    await deleteMember(tx, org.orgId, org.userId);
    await recordAudit(tx, org.orgId, { action: "member.left", actorId: org.userId, target: { type: "user", id: org.userId } });
  });
  await invalidateMemberships(org.userId);
}
