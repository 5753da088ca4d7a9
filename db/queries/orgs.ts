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
