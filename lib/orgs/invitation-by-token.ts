import { findInvitationByTokenHash } from "@/db/queries/invitations";
import type { OrgRole } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { hashToken } from "@/lib/auth/tokens";

/** What an invitation link leads to, as its page shows it. */
export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted";

export type InvitationView = {
  id: string;
  orgId: string;
  orgName: string;
  orgSlug: string;
  email: string;
  role: OrgRole;
  inviterName: string | null;
  expiresAt: Date;
  status: InvitationStatus;
};

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The invitation a link's token names, or null. This is the one place invitations are read as the system: the
 * person holding the link belongs to no tenant yet, so no tenant context exists in which to look the token up.
 * The token is looked up by its SHA-256 hash only.
 */
export async function findInvitationByToken(token: string, now = new Date()): Promise<InvitationView | null> {
  if (!TOKEN.test(token)) return null;
  const row = await withSystem("invitation lookup by token: the invitee has no tenant context yet", (tx) =>
    findInvitationByTokenHash(tx, hashToken(token)),
  );
  if (!row) return null;
  const { invitation, org, inviter } = row;
  const status: InvitationStatus = invitation.acceptedAt
    ? "accepted"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= now
        ? "expired"
        : "pending";
  return {
    id: invitation.id,
    orgId: org.id,
    orgName: org.name,
    orgSlug: org.slug,
    email: invitation.email,
    role: invitation.role,
    inviterName: inviter?.name ?? inviter?.email ?? null,
    expiresAt: invitation.expiresAt,
    status,
  };
}

/** The invitation token in an invitation page's path (`/invitations/<token>`), or null for any other path. */
export function invitationTokenInPath(path: string): string | null {
  const match = /^\/invitations\/([A-Za-z0-9_-]{20,100})(?:[?#]|$)/.exec(path);
  return match ? match[1]! : null;
}

/**
 * The pending invitation a callback URL leads to, when it was sent to `email` (null otherwise): sign-up uses it
 * to prefill and lock the address and to skip the personal organization of someone who came to join one.
 */
export async function pendingInvitationFor(callbackUrl: string, email?: string): Promise<InvitationView | null> {
  const token = invitationTokenInPath(callbackUrl);
  if (!token) return null;
  const invitation = await findInvitationByToken(token);
  if (!invitation || invitation.status !== "pending") return null;
  if (email !== undefined && invitation.email.toLowerCase() !== email.toLowerCase()) return null;
  return invitation;
}
