import { z } from "zod";
import { findUserByEmail, findUserById, setUserEmail } from "@/db/queries/credentials";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/auth/limits";
import { verifyPassword } from "@/lib/auth/password";
import { emailField } from "@/lib/auth/schemas";
import { consumeToken, issueToken } from "@/lib/auth/tokens";

/** How long the confirmation link to the new address works. */
export const CHANGE_EMAIL_TTL_HOURS = 24;
/** How long the old address can undo a change. */
export const UNDO_EMAIL_CHANGE_DAYS = 7;

export const requestEmailChangeSchema = z.object({ email: emailField, password: z.string().max(200).optional() });
export type RequestEmailChangeInput = z.infer<typeof requestEmailChangeSchema>;

// Tokens name the person and an address: "<userId>:<email>" (a uuid has no colon, so the first one splits them).
const subject = (userId: string, email: string) => `${userId}:${email}`;
function parseSubject(value: string | null): { userId: string; email: string } | null {
  const at = value?.indexOf(":") ?? -1;
  return value && at > 0 ? { userId: value.slice(0, at), email: value.slice(at + 1) } : null;
}

/**
 * Asks to move a signed-in person to a new address: after the password (when the account has one), a link goes to
 * the new address and nothing changes until it is used. An address that already has an account gets a notice
 * instead, and the person sees the same answer either way, so this cannot probe who has an account.
 */
export async function requestEmailChange(userId: string, input: RequestEmailChangeInput, origin: string): Promise<{ email: string }> {
  const user = await findUserById(userId);
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  await enforceRateLimits(["emailChange", userId]);
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.password ?? ""))) {
    throw new AppError("validation_error", "Check the highlighted field.", { fields: { password: ["That isn't your password."] } });
  }
  if (input.email === user.email.toLowerCase()) {
    throw new AppError("validation_error", "Check the highlighted field.", { fields: { email: ["That is already your address."] } });
  }
  if (await findUserByEmail(input.email)) {
    await enqueueEmail(
      {
        to: input.email,
        template: "notice",
        props: {
          heading: "Someone tried to move an account to your address",
          paragraphs: ["A Keel user asked to change their sign-in address to this one, but it already belongs to your account. Nothing changed."],
          reason: "someone tried to use this address for another account",
        },
      },
      { orgId: null, actorId: userId },
    );
    return { email: input.email };
  }
  const token = await issueToken("change-email", subject(userId, input.email), CHANGE_EMAIL_TTL_HOURS * 3_600_000);
  await enqueueEmail(
    { to: input.email, template: "confirm-email-change", props: { name: user.name ?? undefined, url: `${origin}/verify-email/change?token=${encodeURIComponent(token)}`, expiresInHours: CHANGE_EMAIL_TTL_HOURS } },
    { orgId: null, actorId: userId },
  );
  await recordAccountAudit({ action: "user.email_change_requested", actorId: userId, target: { type: "user", id: userId }, metadata: { to: input.email } });
  return { email: input.email };
}

/**
 * Spends the link from the new address and makes the change: the new address is the sign-in address (and proven),
 * the old one gets a notice with a link that undoes it. Returns the person and both addresses; the caller signs
 * out every session but the current one. Null for an unknown, expired or used link; conflict when the address was
 * taken meanwhile.
 */
export async function confirmEmailChange(token: string, origin: string): Promise<{ userId: string; from: string; to: string } | null> {
  const target = parseSubject(await consumeToken("change-email", token));
  const user = target ? await findUserById(target.userId) : null;
  if (!target || !user) return null;
  if (!(await setUserEmail(user.id, target.email))) throw new AppError("conflict", "That address now belongs to another account.");
  const undo = await issueToken("undo-email-change", subject(user.id, user.email), UNDO_EMAIL_CHANGE_DAYS * 86_400_000);
  await enqueueEmail(
    {
      to: user.email,
      template: "notice",
      props: {
        heading: "Your sign-in email was changed",
        paragraphs: [
          `Your Keel account now signs in with ${target.email} instead of this address.`,
          `If you didn't do this, undo it now: your address comes back and every session is signed out. The link works for ${UNDO_EMAIL_CHANGE_DAYS} days.`,
        ],
        action: { label: "This wasn't me: undo the change", url: `${origin}/verify-email/undo?token=${encodeURIComponent(undo)}` },
        reason: "this was the sign-in address of a Keel account",
      },
    },
    { orgId: null, actorId: user.id },
  );
  await recordAccountAudit({ action: "user.email_changed", actorId: user.id, target: { type: "user", id: user.id }, metadata: { from: user.email, to: target.email } });
  return { userId: user.id, from: user.email, to: target.email };
}

/**
 * Spends the undo link sent to the old address: the old address is back. Returns the person; the caller signs out
 * every session (whoever made the change may be signed in). Null for an unknown, expired or used link.
 */
export async function undoEmailChange(token: string): Promise<{ userId: string; email: string } | null> {
  const target = parseSubject(await consumeToken("undo-email-change", token));
  const user = target ? await findUserById(target.userId) : null;
  if (!target || !user) return null;
  if (!(await setUserEmail(user.id, target.email))) throw new AppError("conflict", "That address now belongs to another account. Contact support.");
  await recordAccountAudit({ action: "user.email_change_undone", actorId: user.id, target: { type: "user", id: user.id }, metadata: { from: user.email, to: target.email } });
  return { userId: user.id, email: target.email };
}
