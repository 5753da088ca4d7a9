"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/action";
import { changePassword } from "@/lib/auth/change-password";
import { requestEmailChange, requestEmailChangeSchema } from "@/lib/account/change-email";
import { appUrl } from "@/lib/env";
import { changePasswordSchema, disableTwoFactorSchema, twoFactorSetupCodeSchema } from "@/lib/auth/schemas";
import { cancelTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/auth/two-factor/manage";
import { revokeSessions } from "@/lib/auth/session";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/** Changes the password and signs out every other session (whoever knew the old password loses access). */
export const changePasswordAction = userAction(
  { schema: changePasswordSchema, refuseWhileImpersonating: true, successMessage: "Password changed. Your other sessions were signed out." },
  async ({ input, session }) => {
    await changePassword(session.user.id, input);
    const revoked = await revokeSessions(session.user.id, { allExceptCurrent: true });
    if (revoked) await recordAccountAudit({ action: "user.sessions_revoked", actorId: session.user.id, target: { type: "user", id: session.user.id }, metadata: { count: revoked, reason: "password_changed" } });
    revalidatePath("/account/security");
    return null;
  },
);

/** Signs one of the person's sessions out (not this one: that is "Sign out"). */
export const revokeSessionAction = userAction(
  { schema: z.object({ sessionId: z.uuid() }), successMessage: "Session signed out." },
  async ({ input, session }) => {
    if (input.sessionId === session.id) throw new AppError("validation_error", "Use “Sign out” to end this session.");
    const revoked = await revokeSessions(session.user.id, { id: input.sessionId });
    if (!revoked) throw new AppError("not_found", "That session has already ended.");
    await recordAccountAudit({ action: "user.session_revoked", actorId: session.user.id, target: { type: "session", id: input.sessionId } });
    revalidatePath("/account/security");
    return null;
  },
);

/** Signs out every session of the person but this one. */
export const revokeOtherSessionsAction = userAction({ schema: z.object({}), successMessage: "Signed out of all other sessions." }, async ({ session }) => {
  const revoked = await revokeSessions(session.user.id, { allExceptCurrent: true });
  await recordAccountAudit({ action: "user.sessions_revoked", actorId: session.user.id, target: { type: "user", id: session.user.id }, metadata: { count: revoked, reason: "user_request" } });
  revalidatePath("/account/security");
  return null;
});

async function revokeOthers(userId: string, reason: string): Promise<void> {
  const revoked = await revokeSessions(userId, { allExceptCurrent: true });
  if (revoked) await recordAccountAudit({ action: "user.sessions_revoked", actorId: userId, target: { type: "user", id: userId }, metadata: { count: revoked, reason } });
}

/** Starts setting up two-factor: the page then shows the QR code and manual key of a new pending secret. */
export const startTwoFactorAction = userAction({ schema: z.object({}), refuseWhileImpersonating: true }, async ({ session }) => {
  await startTwoFactorEnrolment(session.user.id);
  revalidatePath("/account/security");
  return null;
});

/** Abandons an unconfirmed setup. */
export const cancelTwoFactorAction = userAction({ schema: z.object({}), refuseWhileImpersonating: true }, async ({ session }) => {
  await cancelTwoFactorEnrolment(session.user.id);
  revalidatePath("/account/security");
  return null;
});

/**
 * Confirms the setup with a first code: two-factor is on, every other session is signed out (it never proved a
 * second factor), and the ten recovery codes come back once, for the form to show and offer as a download. The
 * form refreshes the page when the person has saved them.
 */
export const confirmTwoFactorAction = userAction(
  { schema: twoFactorSetupCodeSchema, refuseWhileImpersonating: true, successMessage: "Two-factor authentication is on. Your other sessions were signed out." },
  async ({ input, session }) => {
    const { recoveryCodes } = await confirmTwoFactorEnrolment(session.user.id, input.code);
    await revokeOthers(session.user.id, "two_factor_enabled");
    return { recoveryCodes };
  },
);

/** Turns two-factor off with the password and a code, and signs out every other session. */
export const disableTwoFactorAction = userAction(
  { schema: disableTwoFactorSchema, refuseWhileImpersonating: true, successMessage: "Two-factor authentication is off. Your other sessions were signed out." },
  async ({ input, session }) => {
    await disableTwoFactor(session.user.id, input);
    await revokeOthers(session.user.id, "two_factor_disabled");
    revalidatePath("/account/security");
    return null;
  },
);

/** Asks to change the sign-in email: a link goes to the new address, and nothing changes until it is used. */
export const requestEmailChangeAction = userAction(
  { schema: requestEmailChangeSchema, refuseWhileImpersonating: true, successMessage: "Check the new inbox: the change takes effect when you open the link we sent there." },
  async ({ input, session }) => requestEmailChange(session.user.id, input, appUrl()),
);
