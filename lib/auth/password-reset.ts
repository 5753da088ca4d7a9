import { findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from "@/db/queries/credentials";
import type { Tx } from "@/db/tenant";
import { afterResponse } from "@/lib/after-response";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors";
import { ACCOUNT_DISABLED } from "./disabled";
import { enforceRateLimits } from "./limits";
import { hashPassword } from "./password";
import { revokeSessions } from "./session";
import type { AuthRequest } from "./sign-up";
import { consumeToken, issueToken } from "./tokens";

/** How long a password-reset link works. */
export const RESET_PASSWORD_TTL_MINUTES = 60;

/**
 * Sends a reset link if an account has this email; does nothing visible otherwise (the caller always says "if an
 * account exists, we sent a link"). Rate-limited per email and per IP, because every call may send an email. The
 * lookup, the token and the email happen after the response, so a known address is answered as fast as an unknown one.
 */
export async function requestPasswordReset(email: string, req: AuthRequest): Promise<void> {
  await enforceRateLimits(["passwordReset", email], ["emailRequestsIp", req.ip]);
  await afterResponse("password reset email", async () => {
    const user = await findUserByEmail(email);
    // A disabled account gets no link (the answer stays the same: it must not tell whether an account exists).
    if (!user || user.disabledAt) return;
    await sendPasswordResetEmail(user, req.origin, user.id);
  });
}

/**
 * Issues a reset token and queues the email with its link: the forgotten-password flow, and a platform admin's
 * "Send password reset" (`actorId` is who asked; inside its transaction `tx`, the email is queued when it commits).
 */
export async function sendPasswordResetEmail(user: { id: string; email: string; name: string | null }, origin: string, actorId: string, tx?: Tx): Promise<void> {
  const token = await issueToken("reset-password", user.id, RESET_PASSWORD_TTL_MINUTES * 60_000);
  await enqueueEmail(
    {
      to: user.email,
      template: "reset-password",
      props: { name: user.name ?? undefined, url: `${origin}/reset-password?token=${encodeURIComponent(token)}`, expiresInMinutes: RESET_PASSWORD_TTL_MINUTES },
    },
    { orgId: null, actorId },
    tx,
  );
}

/**
 * Spends a reset token and sets the new password, then signs the person out everywhere: whoever knew the old
 * password loses their sessions at once. Returns the user id (the caller starts a fresh session), or null for
 * an unknown, expired, used or wrong-purpose token.
 */
export async function resetPassword(token: string, password: string): Promise<string | null> {
  const userId = await consumeToken("reset-password", token);
  const user = userId ? await findUserById(userId) : null;
  if (!userId || !user) return null;
  if (user.disabledAt) throw new AppError("forbidden", ACCOUNT_DISABLED);
  await setPasswordHash(userId, await hashPassword(password));
  // The link arrived by email, so the address is proven.
  await markEmailVerified(userId);
  const revoked = await revokeSessions(userId, { all: true });
  await recordAccountAudit({ action: "user.password_reset", actorId: userId, target: { type: "user", id: userId }, metadata: { sessionsRevoked: revoked } });
  return userId;
}
