import { findUserById, setPasswordHash } from "@/db/queries/credentials";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "./limits";
import { hashPassword, verifyPassword } from "./password";
import type { ChangePasswordInput } from "./schemas";

/** Whether the person has a password to change (OAuth and magic-link accounts may have none). */
export async function hasPassword(userId: string): Promise<boolean> {
  return Boolean((await findUserById(userId))?.passwordHash);
}

/**
 * Changes a signed-in person's password after checking the current one (rate-limited like sign-in, so a
 * borrowed session can't be used to guess it). The caller revokes the person's other sessions.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<void> {
  const user = await findUserById(userId);
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  await enforceRateLimits(["signInEmail", user.email]);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation_error", "Check the highlighted field.", { fields: { currentPassword: ["That isn't your current password."] } });
  }
  await setPasswordHash(userId, await hashPassword(input.password));
  await recordAccountAudit({ action: "user.password_changed", actorId: userId, target: { type: "user", id: userId } });
}
