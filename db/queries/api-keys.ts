import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { primaryDb } from "../client";
import { apiKeys, organizations, users, type ApiKey, type NewApiKey } from "../schema";
import type { Tx } from "../tenant";

/**
 * The live key with this SHA-256 and its organization, or null (unknown, revoked, or its creator's account gone).
 * A public query, like the session cookie lookup: it is how a request finds out which organization calls, so no
 * tenant context exists yet to run it in. Always the primary: a revocation must be seen on the very next request.
 */
export async function findApiKeyByHash(keyHash: string) {
  const [row] = await primaryDb
    .select({
      id: apiKeys.id,
      orgId: apiKeys.orgId,
      scopes: apiKeys.scopes,
      createdBy: apiKeys.createdBy,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      org: { slug: organizations.slug, name: organizations.name, plan: organizations.plan },
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

/** Inserts a key (inside withTenant) and returns it. */
export async function insertApiKey(tx: Tx, row: NewApiKey): Promise<ApiKey> {
  const [created] = await tx.insert(apiKeys).values(row).returning();
  return created!;
}

/** The organization's keys, newest first, with their creator's name and email (inside withTenant). */
export function listApiKeyRows(tx: Tx) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
      creator: { name: users.name, email: users.email },
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Revokes a live key (inside withTenant); returns it, or null when there is no such live key. */
export async function revokeApiKeyRow(tx: Tx, id: string): Promise<ApiKey | null> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  return row ?? null;
}

/** Records that a key was used now, unless that was already recorded within the last minute (inside withTenant). */
export async function touchApiKey(tx: Tx, id: string): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
}
