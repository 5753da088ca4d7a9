import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { memberships, organizations, publicUserColumns, users, type OrgRole } from "../schema";
import type { Tx } from "../tenant";

/** The caller's membership in the organization with this slug (run inside withUser), or null. */
export async function findMembershipBySlug(tx: Tx, userId: string, slug: string) {
  const [row] = await tx
    .select({
      orgId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      plan: organizations.plan,
      compPlan: organizations.compPlan,
      requireTwoFactor: organizations.requireTwoFactor,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, slug)));
  return row ?? null;
}

/** Every organization the caller belongs to, by name (run inside withUser). */
export function listMyOrgs(tx: Tx, userId: string) {
  return tx
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/** The members of the current organization with their public profile, owners first (run inside withTenant). */
export function listMembers(tx: Tx, orgId: string) {
  return tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, joinedAt: memberships.createdAt, user: publicUserColumns })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'admin' then 1 else 2 end`, asc(users.email));
}

/** The ids of every member of an organization (run inside withTenant, or as the system). */
export async function listMemberIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId));
  return rows.map((r) => r.userId);
}

/** One person's membership in the organization, or null. */
export async function findMember(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** Whether someone with this email (case-insensitive) is already a member of the organization. */
export async function isMemberByEmail(tx: Tx, orgId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), sql`lower(${users.email}) = lower(${email})`));
  return Boolean(row);
}

/**
 * Locks the organization's owner memberships until the transaction ends and returns their user ids. Every change
 * that could remove an owner takes this lock first, so two such changes run one after the other and the
 * "at least one owner" check never reads a count another transaction is about to make false.
 */
export async function lockOwners(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")))
    .for("update");
  return rows.map((r) => r.userId);
}

/** Adds a member; does nothing if they already belong. Returns whether a row was inserted. */
export async function insertMember(tx: Tx, member: { orgId: string; userId: string; role: OrgRole }): Promise<boolean> {
  const rows = await tx.insert(memberships).values(member).onConflictDoNothing().returning({ id: memberships.id });
  return rows.length > 0;
}

/** Changes a member's role; returns the updated row or null. */
export async function updateMemberRole(tx: Tx, orgId: string, userId: string, role: OrgRole) {
  const [row] = await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .returning();
  return row ?? null;
}

/** Removes a member; returns whether a row went. */
export async function deleteMember(tx: Tx, orgId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** A person's public profile (email and name), readable inside withTenant; null for an unknown id. */
export async function findPublicUser(tx: Tx, userId: string) {
  const [row] = await tx.select(publicUserColumns).from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** Email addresses of the organization's members who have one of `roles` (run inside withTenant). */
export async function listMemberEmails(tx: Tx, orgId: string, roles: OrgRole[]): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, roles)));
  return rows.map((r) => r.email);
}
