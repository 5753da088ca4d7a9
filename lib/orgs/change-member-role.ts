import { z } from "zod";
import { findMember, lockOwners, updateMemberRole } from "@/db/queries/memberships";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { enqueueMemberChanged } from "./enqueue-member-changed";
import { assertCan, invalidateMemberships, type OrgContext } from "./membership";

export const changeMemberRoleSchema = z.object({
  userId: z.uuid("Unknown member."),
  role: z.enum(["member", "admin", "owner"], "Choose a role."),
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

/** The error for any change that would leave an organization without an owner. */
export const lastOwnerError = (what: string) =>
  new AppError("conflict", `${what}: an organization always needs at least one owner. Make someone else an owner first.`);

/**
 * Changes a member's role. Only owners make or unmake owners, and the last owner cannot be demoted: the owner
 * rows are locked before counting, so two concurrent demotions cannot both pass the check. The member's cached
 * memberships are dropped after commit.
 */
export async function changeMemberRole(tx: Tx, org: OrgContext, input: ChangeMemberRoleInput) {
  assertCan(org, "members:update-role");
  const owners = await lockOwners(tx, org.orgId);
  const target = await findMember(tx, org.orgId, input.userId);
  if (!target) throw new AppError("not_found", "That person is not a member of this organization.");
  if (target.role === input.role) return target;
  // Owner-ness comes from the locked rows, not the (possibly stale) cached role.
  if ((target.role === "owner" || input.role === "owner") && !owners.includes(org.userId)) {
    throw new AppError("forbidden", "Only an owner can make or unmake owners.");
  }
  if (target.role === "owner" && owners.length <= 1) throw lastOwnerError("The last owner can't be demoted");
  const row = await updateMemberRole(tx, org.orgId, input.userId, input.role);
  await recordAudit(tx, org.orgId, {
    action: "member.role_changed",
    actorId: org.userId,
    target: { type: "user", id: input.userId },
    metadata: { from: target.role, to: input.role },
  });
  await enqueueMemberChanged(tx, org.orgId, org.userId, { change: "role_changed", userId: input.userId, role: input.role, previousRole: target.role });
  afterCommit(() => invalidateMemberships(input.userId));
  return row!;
}
