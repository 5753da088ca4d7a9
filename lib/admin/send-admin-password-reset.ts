import { findAdminUser } from "@/db/queries/admin";
import type { Tx } from "@/db/tenant";
import { sendPasswordResetEmail } from "@/lib/auth/password-reset";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAdminAudit } from "./record-admin-audit";

/**
 * Emails a person a password-reset link on a platform admin's request (inside the admin action's transaction: the
 * email is queued through the outbox and the audit entry commits with it). The admin never sees the link.
 */
export async function sendAdminPasswordReset(tx: Tx, input: { actorId: string; userId: string }): Promise<{ email: string }> {
  const target = await findAdminUser(tx, input.userId);
  if (!target) throw new AppError("not_found", "That person doesn't exist.");
  if (target.disabledAt) throw new AppError("conflict", "A disabled account can't reset its password. Re-enable it first.");
  await sendPasswordResetEmail(target, appUrl(), input.actorId, tx);
  await recordAdminAudit(tx, { action: "user.password_reset_sent", actorId: input.actorId, target: { type: "user", id: target.id }, metadata: { email: target.email } });
  return { email: target.email };
}
