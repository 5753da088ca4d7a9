import { deleteAllSessionsOf, findAdminUser, setUserDisabled } from "@/db/queries/admin";
import type { Tx } from "@/db/tenant";
import { evictSessions } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { recordAdminAudit } from "./record-admin-audit";

/**
 * Disables a person (inside the admin action's transaction): marks them, deletes every session of theirs at once
 * (impersonations of them too) and drops those sessions from the cache after commit, so the next request of any
 * of their browsers is signed out; audited with the reason. Sign-in, password reset and OAuth then refuse them in
 * words (lib/auth/disabled.ts). A platform admin is not disabled here: take the flag away first.
 */
export async function disableUser(tx: Tx, input: { actorId: string; userId: string; reason: string }): Promise<{ sessionsRevoked: number }> {
  const target = await findAdminUser(tx, input.userId);
  if (!target) throw new AppError("not_found", "That person doesn't exist.");
  if (target.isPlatformAdmin) throw new AppError("conflict", "A platform admin can't be disabled from the console.");
  if (target.disabledAt) throw new AppError("conflict", "This account is already disabled.");
  await setUserDisabled(tx, target.id, new Date());
  const revoked = await deleteAllSessionsOf(tx, target.id);
  afterCommit(() => evictSessions(revoked));
  await recordAdminAudit(tx, { action: "user.disabled", actorId: input.actorId, target: { type: "user", id: target.id }, reason: input.reason, metadata: { email: target.email, sessionsRevoked: revoked.length } });
  return { sessionsRevoked: revoked.length };
}

/** Re-enables a disabled person (they sign in again as before); audited. */
export async function enableUser(tx: Tx, input: { actorId: string; userId: string }): Promise<void> {
  const target = await findAdminUser(tx, input.userId);
  if (!target) throw new AppError("not_found", "That person doesn't exist.");
  if (!target.disabledAt) throw new AppError("conflict", "This account is not disabled.");
  await setUserDisabled(tx, target.id, null);
  await recordAdminAudit(tx, { action: "user.enabled", actorId: input.actorId, target: { type: "user", id: target.id }, metadata: { email: target.email } });
}
