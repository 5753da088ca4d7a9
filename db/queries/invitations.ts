import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { invitations, organizations, publicUserColumns, users, type OrgRole } from "../schema";
import type { Tx } from "../tenant";

/** Invitations of the organization still waiting for an answer (unaccepted, unrevoked), newest first; expired ones included. */
export function listPendingInvitations(tx: Tx, orgId: string) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: { name: users.name, email: users.email },
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
}

/** The open invitation for this email (case-insensitive, unaccepted, unrevoked, unexpired), if any. */
export async function findOpenInvitationByEmail(tx: Tx, orgId: string, email: string, now: Date) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        sql`lower(${invitations.email}) = lower(${email})`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return row ?? null;
}

/** One invitation of the organization by id. */
export async function findInvitation(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)));
  return row ?? null;
}

/**
 * An invitation by its token hash, with its organization's name and slug and the inviter's name. Run as the
 * system: the person holding the link is not a member of any tenant yet.
 */
export async function findInvitationByTokenHash(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({
      invitation: invitations,
      org: { id: organizations.id, name: organizations.name, slug: organizations.slug },
      inviter: publicUserColumns,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/** Inserts an invitation; returns it. */
export async function insertInvitation(
  tx: Tx,
  values: { orgId: string; email: string; role: OrgRole; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  const [row] = await tx.insert(invitations).values(values).returning();
  return row!;
}

/** Gives a pending invitation a new token and expiry (resend); returns it, or null if it is no longer pending. */
export async function renewInvitation(tx: Tx, orgId: string, id: string, tokenHash: string, expiresAt: Date) {
  const [row] = await tx
    .update(invitations)
    .set({ tokenHash, expiresAt })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return row ?? null;
}

/** Marks a pending invitation revoked (or declined); returns it, or null if it was already answered. */
export async function revokeInvitation(tx: Tx, orgId: string, id: string, now: Date) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return row ?? null;
}

/**
 * Spends an invitation: marks it accepted only if it is still pending and unexpired, in one statement, so of
 * any number of racing accepts exactly one gets the row back.
 */
export async function markInvitationAccepted(tx: Tx, orgId: string, id: string, now: Date) {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}
