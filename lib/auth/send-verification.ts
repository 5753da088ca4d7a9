import { enqueueEmail } from "@/lib/email/enqueue-email";
import { withCallbackUrl } from "./callback-url";
import { issueToken } from "./tokens";

/** How long an email-verification link works. */
export const VERIFY_EMAIL_TTL_HOURS = 24;

/**
 * Issues a fresh verify-email token (replacing any earlier one) and queues the email with its link. A safe
 * `callbackUrl` (the invitation being accepted) rides along in the link, so verifying comes back to it.
 */
export async function sendVerificationEmail(user: { id: string; email: string; name: string | null }, origin: string, callbackUrl?: string): Promise<void> {
  const token = await issueToken("verify-email", user.id, VERIFY_EMAIL_TTL_HOURS * 3_600_000);
  const url = `${origin}${withCallbackUrl(`/verify-email?token=${encodeURIComponent(token)}`, callbackUrl)}`;
  await enqueueEmail(
    { to: user.email, template: "verify-email", props: { name: user.name ?? undefined, url, expiresInHours: VERIFY_EMAIL_TTL_HOURS } },
    { orgId: null, actorId: user.id },
  );
}
