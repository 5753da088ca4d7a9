import { z } from "zod";

/**
 * Slugs an organization may not take, because a top-level route (or a likely future one) lives there:
 * /{orgSlug}/… shares the first path segment with every other page.
 */
export const reservedSlugs = new Set([
  "account", "admin", "api", "app", "auth", "billing", "blog", "dashboard", "dev", "docs", "forgot-password", "help",
  "invitations", "invite", "legal", "login", "logout", "new", "onboarding", "orgs", "pricing", "privacy", "reset-password",
  "settings", "sign-in", "sign-out", "sign-up", "signin", "signout", "signup", "status", "support", "terms", "verify-email",
  "www", "_next", "favicon.ico", "icon.svg", "robots.txt", "sitemap.xml",
]);

/** A valid, unreserved organization slug: 2–48 lowercase letters, digits and single hyphens. */
export const orgSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens.")
  .min(2, "At least 2 characters.")
  .max(48, "At most 48 characters.")
  .refine((slug) => !reservedSlugs.has(slug), "That address is reserved.");

/** A slug made from a name ("Initech, Inc." → "initech-inc"); may still need a suffix to be unique. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug.length >= 2 && !reservedSlugs.has(slug) ? slug : `org-${slug}`.replace(/-+$/, "") || "org";
}
