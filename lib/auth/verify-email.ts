import { findUserById, markEmailVerified } from "@/db/queries/credentials";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { homePath } from "./destinations";
import { consumeToken } from "./tokens";

/**
 * Spends a verify-email token: marks the address verified and sends the welcome email. Returns the user id, or
 * null for an unknown, expired, already used or wrong-purpose token. The caller starts the session.
 */
export async function verifyEmailToken(token: string, origin: string): Promise<string | null> {
  const userId = await consumeToken("verify-email", token);
  if (!userId) return null;
  const user = await findUserById(userId);
  if (!user) return null;
  await markEmailVerified(userId);
  await recordAccountAudit({ action: "user.email_verified", actorId: userId, target: { type: "user", id: userId } });
  if (!user.emailVerified) {
    await enqueueEmail(
      { to: user.email, template: "welcome", props: { name: user.name ?? undefined, dashboardUrl: `${origin}${await homePath(userId)}` } },
      { orgId: null, actorId: userId },
    );
  }
  return userId;
}
