"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/action";
import { beginImpersonating, startImpersonation } from "@/lib/admin/impersonation";
import { sendAdminPasswordReset } from "@/lib/admin/send-admin-password-reset";
import { disableUser, enableUser } from "@/lib/admin/set-user-disabled";
import { afterSignInPath } from "@/lib/auth/destinations";

const userIdSchema = z.object({ userId: z.uuid() });
const withReason = userIdSchema.extend({ reason: z.string().trim().min(3, "Say why, in a few words.").max(500) });

/** Disables a person: every session ends now, and sign-in refuses them until re-enabled. */
export const disableUserAction = adminAction({ name: "disable user", schema: withReason, successMessage: "Account disabled and signed out everywhere." }, async ({ tx, session, input }) => {
  const result = await disableUser(tx, { actorId: session.user.id, userId: input.userId, reason: input.reason });
  revalidatePath(`/admin/users/${input.userId}`);
  return result;
});

/** Lets a disabled person sign in again. */
export const enableUserAction = adminAction({ name: "enable user", schema: userIdSchema, successMessage: "Account re-enabled." }, async ({ tx, session, input }) => {
  await enableUser(tx, { actorId: session.user.id, userId: input.userId });
  revalidatePath(`/admin/users/${input.userId}`);
  return null;
});

/** Emails the person a password-reset link. */
export const sendPasswordResetAction = adminAction({ name: "send password reset", schema: userIdSchema, successMessage: "Password reset link sent." }, async ({ tx, session, input }) =>
  sendAdminPasswordReset(tx, { actorId: session.user.id, userId: input.userId }),
);

/** "Sign in as": a 30-minute impersonation session of the person, then their home page. */
export const impersonateUserAction = adminAction(
  { name: "impersonate user", schema: withReason, redirectTo: (userId: string) => afterSignInPath(userId, null) },
  async ({ tx, session, input }) => {
    const { token, expires } = await startImpersonation(tx, session, input);
    await beginImpersonating(token, expires);
    return input.userId;
  },
);
