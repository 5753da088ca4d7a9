import type { OrgRole } from "@/db/schema";

/** Everything a member may be allowed to do in an organization. */
export const permissionNames = [
  "org:update",
  "org:delete",
  "org:security",
  "members:read",
  "members:invite",
  "members:remove",
  "members:update-role",
  "billing:manage",
  "projects:read",
  "projects:write",
  "audit:read",
  "webhooks:manage",
  "api_keys:manage",
] as const;

export type Permission = (typeof permissionNames)[number];

/** The one role-to-permission table. Owners can do everything; admins all but delete the org, pay and set security rules. */
export const rolePermissions: Record<OrgRole, readonly Permission[]> = {
  owner: permissionNames,
  admin: ["org:update", "members:read", "members:invite", "members:remove", "members:update-role", "projects:read", "projects:write", "audit:read", "webhooks:manage", "api_keys:manage"],
  member: ["members:read", "projects:read", "projects:write"],
};

/** Whether `role` grants `permission`. */
export function can(role: OrgRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
