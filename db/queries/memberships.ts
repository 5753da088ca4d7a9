import { and, asc, eq } from "drizzle-orm";
import { memberships, organizations } from "../schema";
import type { Tx } from "../tenant";

/** The caller's membership in the organization with this slug (run inside withUser), or null. */
export async function findMembershipBySlug(tx: Tx, userId: string, slug: string) {
  const [row] = await tx
    .select({ orgId: organizations.id, slug: organizations.slug, name: organizations.name, plan: organizations.plan, role: memberships.role })
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
