import { cookies } from "next/headers";
import { deleteSessionByToken, findAdminUser, insertImpersonationSession } from "@/db/queries/admin";
import { withSystem, type Tx } from "@/db/tenant";
import { SESSION_MAX_AGE_SECONDS, impersonationReturnCookie, sessionCookie } from "@/lib/auth/cookies";
import { evictSessions, type Session } from "@/lib/auth/session";
import { newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { getRequestContext } from "@/lib/request-context";
import { recordAdminAudit } from "./record-admin-audit";

/*
 * "Sign in as": a platform admin gets a separate session row of the person, marked with the admin
 * (`sessions.impersonator_id`) and expiring 30 minutes after it began (never extended). It replaces the admin's
 * session cookie while it lasts; the admin's own token waits in an httpOnly return cookie and comes back on stop,
 * or by itself once the impersonation has expired (lib/auth/session.ts). The session never grants platform admin,
 * and the account's own credentials cannot be changed through it (`userAction({ refuseWhileImpersonating })`).
 */

/** How long an impersonation lasts. */
export const IMPERSONATION_MINUTES = 30;

/** What an impersonating admin is told when they try to change the person's credentials or delete the account. */
export const REFUSED_WHILE_IMPERSONATING =
  "You are impersonating this person: their password, email, two-factor settings and account deletion stay theirs. Stop impersonating to leave them as they are.";

/**
 * Starts an impersonation of `userId` by `admin` (inside the admin action's transaction): refuses another platform
 * admin, a disabled person and oneself; writes the session row and the audit entry with the reason. Returns the
 * new session's cookie token and expiry for `beginImpersonating`.
 */
export async function startImpersonation(tx: Tx, admin: Session, input: { userId: string; reason: string }, now = new Date()) {
  const target = await findAdminUser(tx, input.userId);
  if (!target) throw new AppError("not_found", "That person doesn't exist.");
  if (target.id === admin.user.id) throw new AppError("conflict", "You can't impersonate yourself.");
  if (target.isPlatformAdmin) throw new AppError("forbidden", "Another platform admin can't be impersonated.");
  if (target.disabledAt) throw new AppError("conflict", "A disabled account can't be impersonated. Re-enable it first.");
  const token = newToken();
  const expires = new Date(now.getTime() + IMPERSONATION_MINUTES * 60_000);
  const request = getRequestContext();
  const created = await insertImpersonationSession(tx, { token, userId: target.id, impersonatorId: admin.user.id, expires, ip: request?.ip ?? null, userAgent: request?.userAgent ?? null });
  await recordAdminAudit(tx, {
    action: "impersonation.started",
    actorId: admin.user.id,
    target: { type: "user", id: target.id },
    reason: input.reason,
    metadata: { sessionId: created.id, email: target.email, expiresAt: expires.toISOString() },
  });
  return { token, expires };
}

/**
 * Swaps this browser's cookies to the impersonation session: the admin's own token moves to the return cookie (or
 * stays there, when a previous impersonation expired by itself and the admin is back through it).
 */
export async function beginImpersonating(token: string, expires: Date): Promise<void> {
  const jar = await cookies();
  const own = jar.get(impersonationReturnCookie.name)?.value ?? jar.get(sessionCookie.name)?.value;
  if (!own) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  jar.set(impersonationReturnCookie.name, own, { ...impersonationReturnCookie.options, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
  jar.set(sessionCookie.name, token, { ...sessionCookie.options, expires });
}

/**
 * Ends the impersonation of this browser: deletes the impersonation session, records the stop under the admin,
 * and puts the admin's own session back. Returns where the admin goes: the person's admin page.
 */
export async function stopImpersonation(session: Session | null): Promise<string> {
  const jar = await cookies();
  const own = jar.get(impersonationReturnCookie.name)?.value;
  if (!session?.impersonator && !own) throw new AppError("not_found", "You are not impersonating anyone.");
  const token = jar.get(sessionCookie.name)?.value;
  if (session?.impersonator) {
    const { impersonator, user } = session;
    const deleted = await withSystem("admin: stop impersonation", async (tx) => {
      const hashes = token ? await deleteSessionByToken(tx, token) : [];
      await recordAdminAudit(tx, { action: "impersonation.stopped", actorId: impersonator.id, target: { type: "user", id: user.id }, metadata: { sessionId: session.id, email: user.email } });
      return hashes;
    });
    await evictSessions(deleted);
  }
  if (own) {
    jar.set(sessionCookie.name, own, { ...sessionCookie.options, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
    jar.delete(impersonationReturnCookie.name);
  } else {
    jar.delete(sessionCookie.name);
  }
  return session?.impersonator ? `/admin/users/${session.user.id}` : "/admin";
}
