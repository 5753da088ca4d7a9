import { and, count, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { recoveryCodes, trustedDevices, twoFactorSecrets } from "../schema";
import type { Tx } from "../tenant";

// A person's two-factor rows; every function runs inside withUser for that person (RLS scopes each statement).

/** The person's authenticator secret row (pending or enabled), or null. */
export async function findTwoFactorSecret(tx: Tx) {
  const [row] = await tx.select().from(twoFactorSecrets);
  return row ?? null;
}

/** Starts (or restarts) an enrolment: a new pending secret replaces any earlier pending one; never an enabled one. */
export async function upsertPendingSecret(tx: Tx, userId: string, secret: string): Promise<boolean> {
  const rows = await tx
    .insert(twoFactorSecrets)
    .values({ userId, secret })
    .onConflictDoUpdate({ target: twoFactorSecrets.userId, set: { secret, createdAt: new Date(), lastUsedStep: 0 }, setWhere: isNull(twoFactorSecrets.enabledAt) })
    .returning({ userId: twoFactorSecrets.userId });
  return rows.length > 0;
}

/**
 * Records `step` as the last used 30-second step, only if it is later than the last one: true when the code may be
 * accepted, false for a replay (the same or an earlier code), however many requests race.
 */
export async function claimTotpStep(tx: Tx, step: number): Promise<boolean> {
  const rows = await tx
    .update(twoFactorSecrets)
    .set({ lastUsedStep: step })
    .where(lt(twoFactorSecrets.lastUsedStep, step))
    .returning({ userId: twoFactorSecrets.userId });
  return rows.length > 0;
}

/** Turns the pending secret on. */
export async function markTwoFactorEnabled(tx: Tx): Promise<boolean> {
  const rows = await tx.update(twoFactorSecrets).set({ enabledAt: new Date() }).where(isNull(twoFactorSecrets.enabledAt)).returning({ userId: twoFactorSecrets.userId });
  return rows.length > 0;
}

/** Removes the secret, the recovery codes and the remembered devices: two-factor is off. */
export async function deleteTwoFactor(tx: Tx): Promise<void> {
  await tx.delete(recoveryCodes);
  await tx.delete(trustedDevices);
  await tx.delete(twoFactorSecrets);
}

/** Replaces the person's recovery codes with these hashes. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, hashes: string[]): Promise<void> {
  await tx.delete(recoveryCodes);
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends a recovery code: true once per code, in one statement, so two racing requests cannot both use it. */
export async function spendRecoveryCode(tx: Tx, codeHash: string): Promise<boolean> {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

/** How many recovery codes the person has left. */
export async function countUnusedRecoveryCodes(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(recoveryCodes).where(isNull(recoveryCodes.usedAt));
  return row?.n ?? 0;
}

/** Whether two-factor is on (a confirmed secret). */
export async function twoFactorEnabled(tx: Tx): Promise<boolean> {
  const [row] = await tx.select({ on: sql<boolean>`true` }).from(twoFactorSecrets).where(isNotNull(twoFactorSecrets.enabledAt));
  return Boolean(row);
}

/** Remembers a browser until `expiresAt`. */
export async function insertTrustedDevice(tx: Tx, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await tx.insert(trustedDevices).values({ userId, tokenHash, expiresAt });
}

/** Whether a remembered browser's token hash is the person's and unexpired. */
export async function isTrustedDevice(tx: Tx, tokenHash: string): Promise<boolean> {
  const [row] = await tx.select({ id: trustedDevices.id }).from(trustedDevices).where(and(eq(trustedDevices.tokenHash, tokenHash), gt(trustedDevices.expiresAt, new Date())));
  return Boolean(row);
}
