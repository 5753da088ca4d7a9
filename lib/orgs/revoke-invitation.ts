import { findInvitation, revokeInvitation as markRevoked } from "@/db/queries/invitations";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { assertCanGrant } from "./invite-member";
import { assertCan, type OrgContext } from "./membership";
import type { InvitationIdInput } from "./resend-invitation";

export { invitationIdSchema as revokeInvitationSchema } from "./resend-invitation";

/** Revokes a pending invitation: its link stops working at once. */
export async function revokeInvitation(tx: Tx, org: OrgContext, input: InvitationIdInput) {
  assertCan(org, "members:invite");
  const existing = await findInvitation(tx, org.orgId, input.invitationId);
  if (!existing) throw new AppError("not_found", "That invitation no longer exists.");
  assertCanGrant(org, existing.role);
  const invitation = await markRevoked(tx, org.orgId, existing.id, new Date());
  if (!invitation) throw new AppError("conflict", "That invitation was already accepted or revoked.");
  await recordAudit(tx, org.orgId, {
    action: "invitation.revoked",
    actorId: org.userId,
    target: { type: "invitation", id: invitation.id },
    metadata: { email: invitation.email, role: invitation.role },
  });
  return invitation;
}
