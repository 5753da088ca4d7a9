import { and, asc, count, eq, sql } from "drizzle-orm";
import { featureFlagOverrides, featureFlags, organizations } from "../schema";
import type { Tx } from "../tenant";

/** Creates the rows of flags the code declares and the table lacks (run as the system); existing rows are left alone. */
export async function insertMissingFlags(tx: Tx, flags: { key: string; description: string }[]): Promise<void> {
  if (flags.length === 0) return;
  await tx.insert(featureFlags).values(flags).onConflictDoNothing({ target: featureFlags.key });
}

/** Every flag and every override: what a snapshot is built from (run as the system). */
export async function readAllFlags(tx: Tx) {
  const [flags, overrides] = await Promise.all([
    tx.select({ key: featureFlags.key, defaultEnabled: featureFlags.defaultEnabled, rolloutPercent: featureFlags.rolloutPercent, plans: featureFlags.plans }).from(featureFlags),
    tx.select({ flagKey: featureFlagOverrides.flagKey, orgId: featureFlagOverrides.orgId, enabled: featureFlagOverrides.enabled }).from(featureFlagOverrides),
  ]);
  return { flags, overrides };
}

/** The flags with their number of overrides, by key, for the admin list. */
export async function listFlagsWithOverrideCounts(tx: Tx) {
  return tx
    .select({
      key: featureFlags.key,
      description: featureFlags.description,
      defaultEnabled: featureFlags.defaultEnabled,
      rolloutPercent: featureFlags.rolloutPercent,
      plans: featureFlags.plans,
      version: featureFlags.version,
      updatedAt: featureFlags.updatedAt,
      overrides: count(featureFlagOverrides.orgId),
    })
    .from(featureFlags)
    .leftJoin(featureFlagOverrides, eq(featureFlagOverrides.flagKey, featureFlags.key))
    .groupBy(featureFlags.key)
    .orderBy(asc(featureFlags.key));
}

/** One flag's row, or null. */
export async function findFlag(tx: Tx, key: string) {
  const [row] = await tx.select().from(featureFlags).where(eq(featureFlags.key, key));
  return row ?? null;
}

/** A flag's overrides with their organizations' slug and name, by slug. */
export async function listFlagOverrides(tx: Tx, key: string) {
  return tx
    .select({ orgId: featureFlagOverrides.orgId, slug: organizations.slug, name: organizations.name, enabled: featureFlagOverrides.enabled, updatedAt: featureFlagOverrides.updatedAt })
    .from(featureFlagOverrides)
    .innerJoin(organizations, eq(organizations.id, featureFlagOverrides.orgId))
    .where(eq(featureFlagOverrides.flagKey, key))
    .orderBy(asc(organizations.slug));
}

/** The settings an admin edits on a flag. */
export type FlagSettings = { description: string; defaultEnabled: boolean; rolloutPercent: number; plans: string[] };

/**
 * Updates a flag if it is still at `version` (the one the admin's form showed) and bumps its version; the row as it
 * was and as it is now, or null when the flag changed meanwhile (or does not exist).
 */
export async function updateFlagAtVersion(tx: Tx, key: string, version: number, settings: FlagSettings, actorId: string) {
  const before = await tx.select().from(featureFlags).where(and(eq(featureFlags.key, key), eq(featureFlags.version, version))).for("update");
  if (before.length === 0) return null;
  const [after] = await tx
    .update(featureFlags)
    .set({ ...settings, version: sql`${featureFlags.version} + 1`, updatedBy: actorId, updatedAt: new Date() })
    .where(eq(featureFlags.key, key))
    .returning();
  return { before: before[0]!, after: after! };
}

/** Bumps a flag's version after one of its overrides changed; false when there is no such flag. */
export async function touchFlag(tx: Tx, key: string, actorId: string): Promise<boolean> {
  const rows = await tx
    .update(featureFlags)
    .set({ version: sql`${featureFlags.version} + 1`, updatedBy: actorId, updatedAt: new Date() })
    .where(eq(featureFlags.key, key))
    .returning({ key: featureFlags.key });
  return rows.length > 0;
}

/** Sets an organization's override of a flag (insert or replace); returns what it was before (undefined: none). */
export async function upsertFlagOverride(tx: Tx, override: { orgId: string; flagKey: string; enabled: boolean; createdBy: string }): Promise<boolean | undefined> {
  const [before] = await tx
    .select({ enabled: featureFlagOverrides.enabled })
    .from(featureFlagOverrides)
    .where(and(eq(featureFlagOverrides.orgId, override.orgId), eq(featureFlagOverrides.flagKey, override.flagKey)));
  await tx
    .insert(featureFlagOverrides)
    .values(override)
    .onConflictDoUpdate({ target: [featureFlagOverrides.orgId, featureFlagOverrides.flagKey], set: { enabled: override.enabled, createdBy: override.createdBy, updatedAt: new Date() } });
  return before?.enabled;
}

/** Removes an organization's override of a flag; what it was, or undefined when there was none. */
export async function deleteFlagOverride(tx: Tx, orgId: string, flagKey: string): Promise<boolean | undefined> {
  const [row] = await tx
    .delete(featureFlagOverrides)
    .where(and(eq(featureFlagOverrides.orgId, orgId), eq(featureFlagOverrides.flagKey, flagKey)))
    .returning({ enabled: featureFlagOverrides.enabled });
  return row?.enabled;
}

/** An organization by slug, across all organizations (admin code, as the system). */
export async function findOrgBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(organizations).where(eq(organizations.slug, slug));
  return row ?? null;
}
