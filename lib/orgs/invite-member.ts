import { z } from "zod";
import { isMemberByEmail } from "@/db/queries/memberships";
import { findOpenInvitationByEmail, insertInvitation } from "@/db/queries/invitations";
import type { Invitation, OrgRole } from "@/db/schema";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { assertWithinLimit } from "@/lib/billing/limits";
import { AppError } from "@/lib/errors";
import { assertCan, type OrgContext } from "./membership";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(254)),
  role: z.enum(["member", "admin", "owner"], "Choose a role."),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/** Who sends an invitation and where its link points. */
export type InviteSender = { name: string; origin: string };

/** Admins may invite members and admins; only owners may invite (or make) owners. */
export function assertCanGrant(org: OrgContext, role: OrgRole): void {
  if (role === "owner" && org.role !== "owner") throw new AppError("forbidden", "Only an owner can make someone an owner.");
}

/** A fresh invitation token and its hash (only the hash is stored). */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

/**
 * The end of inviting and of resending: the email with the invitation's link and the audit entry, queued and written
 * in the same transaction as the row they announce. Returns the invitation and its token.
 */
export async function announceInvitation(
  tx: Tx,
  org: OrgContext,
  invitation: Invitation,
  token: string,
  sender: InviteSender,
  action: "invitation.created" | "invitation.resent",
): Promise<{ invitation: Invitation; token: string }> {
  await enqueueEmail(
    {
      to: invitation.email,
      template: "invitation",
      props: {
        inviterName: sender.name.slice(0, 120),
        orgName: org.name.slice(0, 120),
        role: invitation.role,
        acceptUrl: `${sender.origin}/invitations/${token}`,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    },
    { orgId: org.orgId, actorId: org.userId },
    tx,
  );
  await recordAudit(tx, org.orgId, {
    action,
    actorId: org.userId,
    target: { type: "invitation", id: invitation.id },
    metadata: { email: invitation.email, role: invitation.role },
  });
  return { invitation, token };
}

/**
 * Invites `input.email` into the organization with `input.role` (in the caller's withTenant transaction): the
 * invitation row, its email and its audit entry commit together or not at all.
 */
export async function inviteMember(tx: Tx, org: OrgContext, input: InviteMemberInput, sender: InviteSender) {
  assertCan(org, "members:invite");
  assertCanGrant(org, input.role);
  const now = new Date();
  if (await isMemberByEmail(tx, org.orgId, input.email)) {
    throw new AppError("conflict", "That person is already a member.", { fields: { email: ["Already a member of this organization."] } });
  }
  if (await findOpenInvitationByEmail(tx, org.orgId, input.email, now)) {
    throw new AppError("conflict", "That address already has a pending invitation; resend it instead.", {
      fields: { email: ["Already invited. Resend the pending invitation instead."] },
    });
  }
  await assertWithinLimit(tx, org.orgId, "invitations");
  const { token, tokenHash } = newInvitationToken();
  const invitation = await insertInvitation(tx, {
    orgId: org.orgId,
    email: input.email,
    role: input.role,
    tokenHash,
    invitedBy: org.userId,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  });
  return announceInvitation(tx, org, invitation, token, sender, "invitation.created");
}
