import type { OrgRole } from "@/db/schema";
import { can } from "@/lib/orgs/permissions";

/** One entry of the signed-in main navigation. */
export type AppNavLink = { href: string; label: string };

/** The main navigation of an organization: Settings only for roles that can do something there. */
export function appNavLinks(slug: string, role: OrgRole): AppNavLink[] {
  const links: AppNavLink[] = [{ href: `/${slug}/projects`, label: "Projects" }];
  if (can(role, "org:update") || can(role, "members:invite") || can(role, "audit:read")) links.push({ href: `/${slug}/settings`, label: "Settings" });
  return links;
}
