import type { Session } from "@/lib/auth/session";
import { hasTwoFactor } from "@/lib/auth/two-factor/status";
import { scopesAllow } from "@/lib/api-keys/scopes";
import { AppError } from "@/lib/errors";
import { assertCan, findOrgContext, type OrgContext } from "./membership";
import type { Permission } from "./permissions";

/** A signed-in person. */
export type UserPrincipal = { kind: "user"; userId: string };

/**
 * An organization API key (`Authorization: Bearer keel_…`): it belongs to exactly one organization, acts on behalf
 * of the person who created it (`userId`, the actor of audit entries) and may do what its scopes name.
 */
export type ApiKeyPrincipal = {
  kind: "apiKey";
  keyId: string;
  orgId: string;
  userId: string;
  scopes: string[];
  org: { slug: string; name: string; plan: string };
};

/** Who is calling: a signed-in person or an organization API key. */
export type Principal = UserPrincipal | ApiKeyPrincipal;

/** The principal of a session. */
export const userPrincipal = (session: Session): Principal => ({ kind: "user", userId: session.user.id });

// How each kind of caller belongs to an organization: null when it does not, or no such organization exists. A new
// kind of principal fails to compile here until it says how.
async function membershipOf(principal: Principal, slug: string): Promise<OrgContext | null> {
  switch (principal.kind) {
    case "user":
      return findOrgContext(principal.userId, slug);
    case "apiKey":
      // A key sees its own organization and nothing else: another slug is "not found", like for a non-member.
      // Its role is the least one; what it may do is decided by its scopes below, never by the role.
      return slug === principal.org.slug ? { orgId: principal.orgId, ...principal.org, role: "member", userId: principal.userId, apiKeyId: principal.keyId } : null;
  }
}

/** Why a member of an organization that requires two-factor, without it, is refused (pages send them to set it up). */
export const TWO_FACTOR_REQUIRED = "This organization requires two-factor authentication. Turn it on under Account → Security.";

/** Throws `forbidden` unless the principal may do `permission`: a person by their role, a key by its scopes. */
function assertAllowed(principal: Principal, org: OrgContext, permission: Permission): void {
  if (principal.kind === "user") return assertCan(org, permission);
  if (!scopesAllow(principal.scopes, permission)) throw new AppError("forbidden", `This API key lacks the ${permission} scope.`);
}

/**
 * The one organization resolution of actions, routes and pages: the organization named by `slug` as `principal`
 * sees it. Not found (and so 404, never 403, so slugs don't leak) when the caller does not belong to it; forbidden
 * when it does but the role-to-permission table (or a key's scopes) does not grant `permission`, or when the
 * organization requires two-factor authentication and the person calling has not turned it on.
 */
export async function inOrg(principal: Principal, slug: unknown, permission?: Permission): Promise<OrgContext> {
  const org = typeof slug === "string" ? await membershipOf(principal, slug) : null;
  if (!org) throw new AppError("not_found", "Not found.");
  if (principal.kind === "user" && org.requireTwoFactor && !(await hasTwoFactor(principal.userId))) throw new AppError("forbidden", TWO_FACTOR_REQUIRED);
  if (permission) assertAllowed(principal, org, permission);
  return org;
}
