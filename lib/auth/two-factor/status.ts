import { twoFactorEnabled } from "@/db/queries/two-factor";
import { withUser } from "@/db/tenant";
import { cache } from "@/lib/cache";

// Apart from manage.ts on purpose: every organization page and action asks this (lib/orgs/in-org.ts), and
// manage.ts brings the QR code and TOTP libraries along, which only the security page needs.

/** The cache key of a person's "two-factor on" flag; manage.ts forgets it whenever the setting changes. */
export const twoFactorStatusKey = (userId: string) => `two-factor:${userId}`;

/** Whether the person has two-factor on, through the cache (organizations requiring it ask on every page). */
export function hasTwoFactor(userId: string): Promise<boolean> {
  return cache.getOrSet(twoFactorStatusKey(userId), 300, () => withUser(userId, twoFactorEnabled));
}
