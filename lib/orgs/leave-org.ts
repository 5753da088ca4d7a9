import { deleteMember, findMember, lockOwners } from "@/db/queries/memberships";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { afterCommit } from "@/lib/outbox";
import { lastOwnerError } from "./change-member-role";
import { enqueueMemberChanged } from "./enqueue-member-changed";
import { invalidateMemberships, type OrgContext } from "./membership";

/** The caller leaves the organization (anyone may), unless they are its last owner. */
export async function leaveOrg(tx: Tx, org: OrgContext): Promise<void> {
  const owners = await lockOwners(tx, org.orgId);
  if (owners.includes(org.userId) && owners.length <= 1) throw lastOwnerError("The last owner can't leave");
  // The role from the row, not the (possibly stale) cached one.
  const self = await findMember(tx, org.orgId, org.userId);
  await deleteMember(tx, org.orgId, org.userId);
  await recordAudit(tx, org.orgId, { action: "member.left", actorId: org.userId, target: { type: "user", id: org.userId } });
  if (self) await enqueueMemberChanged(tx, org.orgId, org.userId, { change: "removed", userId: org.userId, role: self.role });
  afterCommit(() => invalidateMemberships(org.userId));
}
