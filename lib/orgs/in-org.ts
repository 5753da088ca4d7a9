import type { Session } from "@/lib/auth/session";
import { hasTwoFactor } from "@/lib/auth/two-factor/manage";
import { AppError } from "@/lib/errors";
import { assertCan, findOrgContext, type OrgContext } from "./membership";
import type { Permission } from "./permissions";

/**
 * Who is calling. Today a signed-in person; an organization API key is the next kind (a route caller sending
 * `Authorization: Bearer keel_…`): it adds a variant here and a case to `membershipOf`, and every wrapper that
 * resolves organizations through `inOrg` accepts it with no further change.
 */
export type Principal = { kind: "user"; userId: string };

/** The principal of a session. */
export const userPrincipal = (session: Session): Principal => ({ kind: "user", userId: session.user.id });

// How each kind of caller belongs to an organization: null when it does not, or no such organization exists. A new
// kind of principal fails to compile here until it says how.
function membershipOf(principal: Principal, slug: string): Promise<OrgContext | null> {
  switch (principal.kind) {
    case "user":
      return findOrgContext(principal.userId, slug);
  }
}

/** Why a member of an organization that requires two-factor, without it, is refused (pages send them to set it up). */
export const TWO_FACTOR_REQUIRED = "This organization requires two-factor authentication. Turn it on under Account → Security.";

/**
 * The one organization resolution of actions, routes and pages: the organization named by `slug` as `principal`
 * sees it. Not found (and so 404, never 403, so slugs don't leak) when the caller does not belong to it; forbidden
 * when it does but the role-to-permission table does not grant `permission`, or when the organization requires
 * two-factor authentication and the caller has not turned it on.
 */
export async function inOrg(principal: Principal, slug: unknown, permission?: Permission): Promise<OrgContext> {
  const org = typeof slug === "string" ? await membershipOf(principal, slug) : null;
  if (!org) throw new AppError("not_found", "Not found.");
  if (org.requireTwoFactor && !(await hasTwoFactor(principal.userId))) throw new AppError("forbidden", TWO_FACTOR_REQUIRED);
  if (permission) assertCan(org, permission);
  return org;
}
