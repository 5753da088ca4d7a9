import { findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from "@/db/queries/credentials";
import { afterResponse } from "@/lib/after-response";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/email/enqueue-email";
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
    if (!user) return;
    const token = await issueToken("reset-password", user.id, RESET_PASSWORD_TTL_MINUTES * 60_000);
    await enqueueEmail(
      {
        to: user.email,
        template: "reset-password",
        props: { name: user.name ?? undefined, url: `${req.origin}/reset-password?token=${encodeURIComponent(token)}`, expiresInMinutes: RESET_PASSWORD_TTL_MINUTES },
      },
      { orgId: null, actorId: user.id },
    );
  });
}

/**
 * Spends a reset token and sets the new password, then signs the person out everywhere: whoever knew the old
 * password loses their sessions at once. Returns the user id (the caller starts a fresh session), or null for
 * an unknown, expired, used or wrong-purpose token.
 */
export async function resetPassword(token: string, password: string): Promise<string | null> {
  const userId = await consumeToken("reset-password", token);
  if (!userId || !(await findUserById(userId))) return null;
  await setPasswordHash(userId, await hashPassword(password));
  // The link arrived by email, so the address is proven.
  await markEmailVerified(userId);
  const revoked = await revokeSessions(userId, { all: true });
  await recordAccountAudit({ action: "user.password_reset", actorId: userId, target: { type: "user", id: userId }, metadata: { sessionsRevoked: revoked } });
  return userId;
}
