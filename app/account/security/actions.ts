"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/action";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { revokeSessions } from "@/lib/auth/session";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/** Changes the password and signs out every other session (whoever knew the old password loses access). */
export const changePasswordAction = userAction(
  { schema: changePasswordSchema, successMessage: "Password changed. Your other sessions were signed out." },
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
