import { z } from "zod";
import { deleteMember, findMember, lockOwners } from "@/db/queries/memberships";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { lastOwnerError } from "./change-member-role";
import { enqueueMemberChanged } from "./enqueue-member-changed";
import { assertCan, invalidateMemberships, type OrgContext } from "./membership";

export const removeMemberSchema = z.object({ userId: z.uuid("Unknown member.") });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

/** Removes another member. Only owners remove owners; the last owner is never removed. */
export async function removeMember(tx: Tx, org: OrgContext, input: RemoveMemberInput): Promise<void> {
  assertCan(org, "members:remove");
  if (input.userId === org.userId) throw new AppError("validation_error", "To remove yourself, leave the organization instead.");
  const owners = await lockOwners(tx, org.orgId);
  const target = await findMember(tx, org.orgId, input.userId);
  if (!target) throw new AppError("not_found", "That person is not a member of this organization.");
  if (target.role === "owner" && !owners.includes(org.userId)) throw new AppError("forbidden", "Only an owner can remove an owner.");
  if (target.role === "owner" && owners.length <= 1) throw lastOwnerError("The last owner can't be removed");
  await deleteMember(tx, org.orgId, input.userId);
  await recordAudit(tx, org.orgId, {
    action: "member.removed",
    actorId: org.userId,
    target: { type: "user", id: input.userId },
    metadata: { role: target.role },
  });
  await enqueueMemberChanged(tx, org.orgId, org.userId, { change: "removed", userId: input.userId, role: target.role });
  afterCommit(() => invalidateMemberships(input.userId));
}
