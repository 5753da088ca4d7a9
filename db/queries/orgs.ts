import { eq } from "drizzle-orm";
import { memberships, organizations, type OrgRole } from "../schema";
import type { Tx } from "../tenant";

/** Whether an organization already has this slug (any organization: run as the system). */
export async function slugTaken(tx: Tx, slug: string): Promise<boolean> {
  const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return Boolean(row);
}

/** Inserts an organization with the given id and its first member (run inside withTenant for that id). */
export async function insertOrgWithMember(tx: Tx, org: { id: string; slug: string; name: string }, member: { userId: string; role: OrgRole }) {
  const [created] = await tx.insert(organizations).values(org).returning();
  await tx.insert(memberships).values({ orgId: org.id, userId: member.userId, role: member.role });
  return created!;
}

/** The organization of the current tenant transaction. */
export async function findOrg(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
  return row ?? null;
}

/** Renames an organization and/or changes its slug (run inside withTenant for it); returns the updated row. */
export async function updateOrg(tx: Tx, orgId: string, changes: { name?: string; slug?: string; requireTwoFactor?: boolean }) {
  const [row] = await tx
    .update(organizations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(organizations.id, orgId))
    .returning();
  return row ?? null;
}

/**
 * Deletes an organization (inside withTenant for it); its tenant rows go with it through ON DELETE CASCADE, which
 * as a referential action is not subject to RLS. Returns whether a row went (false when it was already gone).
 */
export async function deleteOrg(tx: Tx, orgId: string): Promise<boolean> {
  const rows = await tx.delete(organizations).where(eq(organizations.id, orgId)).returning({ id: organizations.id });
  return rows.length > 0;
}
