"use server";

import { z } from "zod";
import { publicAction } from "@/lib/action";
import { REFUSED_WHILE_IMPERSONATING } from "@/lib/admin/impersonation";
import { oauthProviders, signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { enforceRateLimits } from "@/lib/auth/limits";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { requestInfo } from "@/lib/auth/request-info";
import { resendVerification } from "@/lib/auth/resend-verification";
import { emailOnlySchema, oauthSignInSchema, resetPasswordSchema, signInSchema, signUpSchema, twoFactorCodeSchema } from "@/lib/auth/schemas";
import { beginSignIn, completeTwoFactorSignIn } from "@/lib/auth/two-factor/challenge";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signUp } from "@/lib/auth/sign-up";
import { verifyEmailToken } from "@/lib/auth/verify-email";
import { confirmEmailChange, undoEmailChange } from "@/lib/account/change-email";
import { getSession, refreshSession, revokeSessions } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { flash } from "@/lib/flash";

// Links in emails are built on appUrl() (AUTH_URL), never on the request's Host or X-Forwarded-Host.
async function authRequest() {
  return { ip: (await requestInfo()).ip, origin: appUrl() };
}

const checkEmail = (kind: string, email: string) => `/check-email?kind=${kind}&email=${encodeURIComponent(email)}`;

/** Password sign-in: checks the password (rate-limited), then a session, or the two-factor step when it is on. */
export const signInAction = publicAction({ schema: signInSchema, redirectTo: (to: string) => to }, async ({ input }) => {
  const { userId } = await signInWithPassword(input, await authRequest());
  return beginSignIn(userId, "password", input.callbackUrl);
});

/** The second step of a sign-in with two-factor on: a code from the app or a recovery code, then the session. */
export const verifyTwoFactorAction = publicAction({ schema: twoFactorCodeSchema, redirectTo: (to: string) => to }, async ({ input }) =>
  completeTwoFactorSignIn(input),
);

/** Password sign-up: always ends on "check your email", whether or not the address already had an account. */
export const signUpAction = publicAction({ schema: signUpSchema, redirectTo: (to: string) => to }, async ({ input }) => {
  const { email } = await signUp(input, await authRequest());
  return checkEmail("verify", email);
});

/** Magic link: rate-limited per email and IP, then Auth.js sends the link through Keel's email queue. */
export const magicLinkAction = publicAction({ schema: emailOnlySchema, redirectTo: (to: string) => to }, async ({ input }) => {
  const { ip } = await requestInfo();
  await enforceRateLimits(["magicLink", input.email], ["emailRequestsIp", ip]);
  await signIn("email", { email: input.email, redirect: false, redirectTo: safeCallbackUrl(input.callbackUrl) ?? "/sign-in/continue" });
  return checkEmail("magic-link", input.email);
});

/** OAuth sign-in (GitHub, Google): the provider parsed and checked against the configured ones, then Auth.js redirects to it. */
export const oauthSignInAction = publicAction({ schema: oauthSignInSchema }, async ({ input }) => {
  if (!oauthProviders().some((p) => p.id === input.provider)) throw new AppError("not_found", "That sign-in method isn't available.");
  // Auth.js links a provider account to whoever is signed in: never to the person an admin is impersonating.
  if ((await getSession())?.impersonator) throw new AppError("forbidden", REFUSED_WHILE_IMPERSONATING);
  await signIn(input.provider, { redirectTo: safeCallbackUrl(input.callbackUrl) ?? "/sign-in/continue" });
  return null;
});

/** Forgot password: the same answer whether or not an account exists. */
export const forgotPasswordAction = publicAction({ schema: emailOnlySchema, redirectTo: (to: string) => to }, async ({ input }) => {
  await requestPasswordReset(input.email, await authRequest());
  return checkEmail("reset", input.email);
});

/** Reset password: spends the token, signs out every session, then signs this browser in afresh. */
export const resetPasswordAction = publicAction({ schema: resetPasswordSchema, redirectTo: (to: string) => to }, async ({ input }) => {
  const userId = await resetPassword(input.token, input.password);
  if (!userId) throw new AppError("not_found", "This reset link is invalid, expired or already used. Request a new one.");
  await flash("password-changed");
  return beginSignIn(userId, "password-reset", undefined);
});

/** Verify email: spends the token, signs the person in and takes them to their organization. */
export const verifyEmailAction = publicAction(
  { schema: z.object({ token: z.string().min(1).max(200), callbackUrl: z.string().max(2048).optional() }), redirectTo: (to: string) => to },
  async ({ input }) => {
    const userId = await verifyEmailToken(input.token, appUrl());
    if (!userId) throw new AppError("not_found", "This verification link is invalid, expired or already used.");
    return beginSignIn(userId, "email-verification", input.callbackUrl);
  },
);

/** Sends a new verification link (silently does nothing for unknown or verified addresses). */
export const resendVerificationAction = publicAction(
  { schema: emailOnlySchema, successMessage: "If that address is waiting for verification, a new link is on its way." },
  async ({ input }) => {
    await resendVerification(input.email, await authRequest());
    return null;
  },
);

const tokenSchema = z.object({ token: z.string().min(1).max(200) });

/**
 * Confirms a change of email from the link sent to the new address: the change takes effect, the old address is
 * told (with an undo link), and every session but this browser's is signed out.
 */
export const confirmEmailChangeAction = publicAction({ schema: tokenSchema, redirectTo: (to: string) => to }, async ({ input }) => {
  const changed = await confirmEmailChange(input.token, appUrl());
  if (!changed) throw new AppError("not_found", "This confirmation link is invalid, expired or already used.");
  const session = await getSession();
  const here = session?.user.id === changed.userId;
  await revokeSessions(changed.userId, here ? { allExceptCurrent: true } : { all: true });
  if (here) await refreshSession();
  return here ? "/account/security?email=changed" : "/sign-in";
});

/** Undoes a change of email from the link sent to the old address: the old address is back, every session ends. */
export const undoEmailChangeAction = publicAction(
  { schema: tokenSchema, successMessage: "Your email address is restored and every session was signed out." },
  async ({ input }) => {
    const undone = await undoEmailChange(input.token);
    if (!undone) throw new AppError("not_found", "This undo link is invalid, expired or already used.");
    await revokeSessions(undone.userId, { all: true });
    return { email: undone.email };
  },
);
