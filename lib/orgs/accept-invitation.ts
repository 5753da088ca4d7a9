import { z } from "zod";
import { markInvitationAccepted, revokeInvitation } from "@/db/queries/invitations";
import { insertMember } from "@/db/queries/memberships";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWithinLimit } from "@/lib/billing/limits";
import { AppError } from "@/lib/errors";
import { maskEmail } from "@/lib/email/mask-email";
import { findInvitationByToken, type InvitationView } from "./invitation-by-token";
import { enqueueMemberChanged } from "./enqueue-member-changed";
import { invalidateMemberships } from "./membership";

export const invitationTokenSchema = z.object({ token: z.string().trim().min(1).max(200) });
export type InvitationTokenInput = z.infer<typeof invitationTokenSchema>;

/** The signed-in person answering an invitation. */
export type Invitee = { id: string; email: string; emailVerified: boolean };

const alreadyUsed = () => new AppError("conflict", "This invitation has already been used.");

/**
 * The invitation behind `token` if `invitee` may answer it, else the AppError a person should see: the link is
 * not valid, expired, revoked, already used, or meant for another address.
 */
export async function answerableInvitation(invitee: Invitee, token: string): Promise<InvitationView> {
  const invitation = await findInvitationByToken(token);
  if (!invitation) throw new AppError("not_found", "This invitation link is not valid.");
  if (invitation.status === "accepted") throw alreadyUsed();
  if (invitation.status === "revoked") throw new AppError("conflict", "This invitation was revoked. Ask for a new one.");
  if (invitation.status === "expired") throw new AppError("conflict", "This invitation has expired. Ask for a new one.");
  if (invitation.email.toLowerCase() !== invitee.email.toLowerCase()) {
    throw new AppError(
      "forbidden",
      `This invitation was sent to ${maskEmail(invitation.email)}; you're signed in as ${invitee.email}. Sign out and sign in with the invited address.`,
    );
  }
  if (!invitee.emailVerified) throw new AppError("forbidden", "Verify your email address first, then open the invitation link again.");
  return invitation;
}

/**
 * Joins the organization with the invited role. Spending the invitation is one conditional UPDATE, so of any
 * number of racing accepts exactly one creates the membership; the rest get "already used".
 */
export async function acceptInvitation(invitee: Invitee, token: string): Promise<{ orgSlug: string; orgId: string }> {
  const invitation = await answerableInvitation(invitee, token);
  await withTenant({ orgId: invitation.orgId, userId: invitee.id }, async (tx) => {
    // The invitation held a seat, but a downgrade since may have left none: the plan's limit still holds.
    await assertWithinLimit(tx, invitation.orgId, "members").catch((err: unknown) => {
      throw err instanceof AppError ? new AppError("conflict", `${invitation.orgName} has no free seat on its plan. Ask an owner to upgrade, then open this link again.`) : err;
    });
    const spent = await markInvitationAccepted(tx, invitation.orgId, invitation.id, new Date());
    if (!spent) throw alreadyUsed();
    // Someone already in the organization keeps their role; an invitation never demotes.
    const joined = await insertMember(tx, { orgId: invitation.orgId, userId: invitee.id, role: invitation.role });
    await recordAudit(tx, invitation.orgId, {
      action: "invitation.accepted",
      actorId: invitee.id,
      target: { type: "invitation", id: invitation.id },
      metadata: { email: invitation.email, role: invitation.role, joined },
    });
    if (joined) await enqueueMemberChanged(tx, invitation.orgId, invitee.id, { change: "added", userId: invitee.id, role: invitation.role });
  });
  await invalidateMemberships(invitee.id);
  return { orgSlug: invitation.orgSlug, orgId: invitation.orgId };
}

/** Declines the invitation: it is marked revoked so the link stops working, and the organization sees it in its audit log. */
export async function declineInvitation(invitee: Invitee, token: string): Promise<void> {
  const invitation = await answerableInvitation(invitee, token);
  await withTenant({ orgId: invitation.orgId, userId: invitee.id }, async (tx) => {
    const declined = await revokeInvitation(tx, invitation.orgId, invitation.id, new Date());
    if (!declined) throw alreadyUsed();
    await recordAudit(tx, invitation.orgId, {
      action: "invitation.declined",
      actorId: invitee.id,
      target: { type: "invitation", id: invitation.id },
      metadata: { email: invitation.email },
    });
  });
}
