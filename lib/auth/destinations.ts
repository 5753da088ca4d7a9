import { myOrgs } from "@/lib/orgs/membership";

/**
 * A callback URL the app may redirect to: a same-origin relative path only ("/acme/projects?x=1"), never
 * "//evil.test", "/\\evil.test" or an absolute URL, so sign-in can't be used as an open redirect.
 */
export function safeCallbackUrl(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  try {
    const url = new URL(value, "http://keel.invalid");
    if (url.origin !== "http://keel.invalid") return null;
    if (url.pathname.startsWith("/api/auth")) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

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
