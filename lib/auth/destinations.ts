import { myOrgs } from "@/lib/orgs/membership";
import { safeCallbackUrl } from "./callback-url";

/**
 * Where a person lands after signing in (or leaving an organization, named by `exceptOrgId`): their first
 * organization's projects, or creating one when they have none. Reads the cache: never call it inside a transaction.
 */
export async function homePath(userId: string, exceptOrgId?: string): Promise<string> {
  const first = (await myOrgs(userId)).find((org) => org.id !== exceptOrgId);
  return first ? `/${first.slug}/projects` : "/new";
}

/** The callback URL if safe, else the person's home. */
export async function afterSignInPath(userId: string, callbackUrl: unknown): Promise<string> {
  return safeCallbackUrl(callbackUrl) ?? (await homePath(userId));
}
