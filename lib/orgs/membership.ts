import { findMembershipBySlug, listMyOrgs } from "@/db/queries/memberships";
import type { OrgRole } from "@/db/schema";
import { withUser } from "@/db/tenant";
import { cache } from "@/lib/cache";
import { AppError } from "@/lib/errors";
import { betterPlan } from "@/lib/plans";
import { can, type Permission } from "./permissions";

/** The organization of a request and the caller's place in it. */
export type OrgContext = {
  orgId: string;
  slug: string;
  name: string;
  plan: string;
  role: OrgRole;
  userId: string;
  requireTwoFactor?: boolean;
  /** Set when an API key calls; `userId` is then the person who created the key. */
  apiKeyId?: string;
};

const MEMBERSHIP_TTL_SECONDS = 300;
/** Cache tag of everything derived from a person's memberships; bump it whenever they change. */
export const membershipTag = (userId: string) => `memberships:${userId}`;

/**
 * The caller's membership in the organization named by `slug`, through the cache (a warm page view costs no
 * database round trip for it). Null when they are not a member, or no such organization exists: callers answer
 * 404 either way, so slugs don't leak.
 */
export async function findOrgContext(userId: string, slug: string): Promise<OrgContext | null> {
  if (!/^[a-z0-9][a-z0-9-]{1,47}$/.test(slug)) return null;
  const row = await cache.getOrSet(`membership:${userId}:${slug}`, MEMBERSHIP_TTL_SECONDS, () => withUser(userId, (tx) => findMembershipBySlug(tx, userId, slug)), {
    tags: [membershipTag(userId)],
  });
  if (!row) return null;
  // The plan whose limits apply: a comp plan given by staff beside the one billing wrote (lib/billing/entitlements.ts).
  const { compPlan, ...org } = row;
  return { ...org, plan: betterPlan(org.plan, compPlan).id, userId };
}

/** Throws `forbidden` unless the caller's role grants `permission`. */
export function assertCan(org: OrgContext, permission: Permission): void {
  if (!can(org.role, permission)) throw new AppError("forbidden", "Your role in this organization does not allow that.");
}

/** The organizations the caller belongs to (the switcher), through the cache. */
export function myOrgs(userId: string) {
  return cache.getOrSet(`orgs:${userId}`, MEMBERSHIP_TTL_SECONDS, () => withUser(userId, (tx) => listMyOrgs(tx, userId)), {
    tags: [membershipTag(userId)],
  });
}

/** Forgets cached memberships of these people (after a join, leave, removal, role change or org rename). */
export async function invalidateMemberships(...userIds: string[]): Promise<void> {
  await Promise.all(userIds.map((id) => cache.invalidateTag(membershipTag(id))));
}
