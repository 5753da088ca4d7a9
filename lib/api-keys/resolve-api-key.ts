import { findApiKeyByHash, touchApiKey } from "@/db/queries/api-keys";
import { withTenant } from "@/db/tenant";
import { afterResponse } from "@/lib/after-response";
import { hashToken } from "@/lib/auth/tokens";
import { cache } from "@/lib/cache";
import { AppError } from "@/lib/errors";
import type { ApiKeyPrincipal } from "@/lib/orgs/in-org";
import { looksLikeApiKey } from "./key-format";

// Keys are read through the cache by their hash; a revocation deletes the entry after it commits (revoke-api-key.ts),
// so the TTL only bounds how stale "last used" and an org rename can be, never how long a revoked key works.
const KEY_TTL_SECONDS = 60;
const LAST_USED_EVERY_MS = 60_000;
const keyCacheKey = (hash: string) => `api-key:${hash}`;

/** Drops a key from the cache (after its revocation commits). */
export async function forgetApiKey(hash: string): Promise<void> {
  await cache.del(keyCacheKey(hash));
}

const invalid = () => new AppError("unauthorized", "The API key is invalid or has been revoked.");

/**
 * The principal of an `Authorization: Bearer keel_…` key: its organization and scopes. Unknown, revoked and
 * expired keys, and keys whose creator's account is gone, are `unauthorized`. "Last used" is written after the
 * response, at most once a minute.
 */
export async function resolveApiKey(secret: string, now = Date.now()): Promise<ApiKeyPrincipal> {
  if (!looksLikeApiKey(secret)) throw invalid();
  const hash = hashToken(secret);
  const row = await cache.getOrSet(keyCacheKey(hash), KEY_TTL_SECONDS, () => findApiKeyByHash(hash));
  if (!row || !row.createdBy) throw invalid();
  if (row.expiresAt && new Date(row.expiresAt).getTime() <= now) throw new AppError("unauthorized", "The API key has expired.");
  const userId = row.createdBy;
  if (!row.lastUsedAt || now - new Date(row.lastUsedAt).getTime() > LAST_USED_EVERY_MS) {
    void afterResponse("api key last used", async () => {
      await withTenant({ orgId: row.orgId, userId }, (tx) => touchApiKey(tx, row.id));
      await cache.del(keyCacheKey(hash));
    });
  }
  return { kind: "apiKey", keyId: row.id, orgId: row.orgId, userId, scopes: row.scopes, org: row.org };
}
