import { myOrgs } from "@/lib/orgs/membership";
import { safeCallbackUrl } from "./callback-url";

/**
 * Where a person lands after signing in (or leaving an organization, named by `exceptOrgId`): their first
 * organization's projects, or creating one when they have none. Reads the cache: never call it inside a transaction.
 */
export async function homePath(userId: string, exceptOrgId?: string): Promise<string> {
  return (await homeDestination(userId, exceptOrgId)).href;
}

/** Who is looking at a static page, as GET /api/me/home tells it: signed out, or their name and home link. */
export type VisitorHome = { signedIn: false } | { signedIn: true; name: string; home: { href: string; label: string } };

/** A person's home (see `homePath`) with what a link to it says: the organization's name, or creating one. */
export async function homeDestination(userId: string, exceptOrgId?: string): Promise<{ href: string; label: string }> {
  const first = (await myOrgs(userId)).find((org) => org.id !== exceptOrgId);
  return first ? { href: `/${first.slug}/projects`, label: first.name } : { href: "/new", label: "Create an organization" };
}

/** The callback URL if safe, else the person's home. */
export async function afterSignInPath(userId: string, callbackUrl: unknown): Promise<string> {
  return safeCallbackUrl(callbackUrl) ?? (await homePath(userId));
}
