import { z } from "zod";
import { findMember, lockOwners, updateMemberRole } from "@/db/queries/memberships";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { enqueueMemberChanged } from "./enqueue-member-changed";
import { invalidateMemberships, type OrgContext } from "./membership";

export const transferOwnershipSchema = z.object({
  userId: z.uuid("Choose a member."),
  // A checkbox: "on" when ticked, absent otherwise.
  demoteSelf: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
export type TransferOwnershipInput = z.infer<typeof transferOwnershipSchema>;

/** An owner makes another member an owner and may step down to admin in the same transaction. */
export async function transferOwnership(tx: Tx, org: OrgContext, input: TransferOwnershipInput): Promise<void> {
  if (org.role !== "owner") throw new AppError("forbidden", "Only an owner can transfer ownership.");
  if (input.userId === org.userId) throw new AppError("validation_error", "Choose another member.", { fields: { userId: ["Choose someone other than yourself."] } });
  const owners = await lockOwners(tx, org.orgId);
  // The role in the cache may be stale: the lock tells who is an owner now.
  if (!owners.includes(org.userId)) throw new AppError("forbidden", "Only an owner can transfer ownership.");
  const target = await findMember(tx, org.orgId, input.userId);
  if (!target) throw new AppError("not_found", "That person is not a member of this organization.");
  if (target.role !== "owner") {
    await updateMemberRole(tx, org.orgId, input.userId, "owner");
    await enqueueMemberChanged(tx, org.orgId, org.userId, { change: "role_changed", userId: input.userId, role: "owner", previousRole: target.role });
  }
  if (input.demoteSelf) {
    await updateMemberRole(tx, org.orgId, org.userId, "admin");
    await enqueueMemberChanged(tx, org.orgId, org.userId, { change: "role_changed", userId: org.userId, role: "admin", previousRole: "owner" });
  }
  await recordAudit(tx, org.orgId, {
    action: "org.ownership_transferred",
    actorId: org.userId,
    target: { type: "user", id: input.userId },
    metadata: { from: target.role, previousOwnerDemoted: input.demoteSelf },
  });
  afterCommit(() => invalidateMemberships(input.userId, org.userId));
}
