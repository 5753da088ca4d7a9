import { z } from "zod";
import type { Permission } from "@/lib/orgs/permissions";

/**
 * What an API key may be allowed to do. Each scope IS a permission of the one role-to-permission table, so a route
 * names one permission and `inOrg` checks it against a member's role or a key's scopes alike.
 */
export const apiKeyScopes = ["projects:read", "projects:write", "members:read", "audit:read"] as const satisfies readonly Permission[];

export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** What each scope allows, as the create form explains it. */
export const scopeDescriptions: Record<ApiKeyScope, string> = {
  "projects:read": "List and read projects",
  "projects:write": "Create, update and delete projects",
  "members:read": "List members and their roles",
  "audit:read": "Read the audit log",
};

/** Whether a key with `scopes` may do `permission`. */
export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  return (apiKeyScopes as readonly string[]).includes(permission) && scopes.includes(permission);
}

/** One or more scopes, from a form (one value or several). */
export const scopesSchema = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(apiKeyScopes)).min(1, "Choose at least one scope."),
).transform((scopes) => [...new Set(scopes)]);
