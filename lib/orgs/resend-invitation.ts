import { z } from "zod";
import { findInvitation, renewInvitation } from "@/db/queries/invitations";
import type { Tx } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { INVITATION_TTL_MS, announceInvitation, assertCanGrant, newInvitationToken, type InviteSender } from "./invite-member";
import { assertCan, type OrgContext } from "./membership";

export const invitationIdSchema = z.object({ invitationId: z.uuid("Unknown invitation.") });
export type InvitationIdInput = z.infer<typeof invitationIdSchema>;

/** Sends a pending invitation again with a new token and a new expiry; the old link stops working. */
export async function resendInvitation(tx: Tx, org: OrgContext, input: InvitationIdInput, sender: InviteSender) {
  assertCan(org, "members:invite");
  const existing = await findInvitation(tx, org.orgId, input.invitationId);
  if (!existing) throw new AppError("not_found", "That invitation no longer exists.");
  assertCanGrant(org, existing.role);
  const { token, tokenHash } = newInvitationToken();
  const invitation = await renewInvitation(tx, org.orgId, existing.id, tokenHash, new Date(Date.now() + INVITATION_TTL_MS));
  if (!invitation) throw new AppError("conflict", "That invitation was already accepted or revoked.");
  return announceInvitation(tx, org, invitation, token, sender, "invitation.resent");
}
