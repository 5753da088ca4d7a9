import "server-only";
import { z } from "zod";
import { text } from "@/lib/validation";
import { weakPasswordReason } from "./password-strength";

/** An email address as typed: trimmed and lowercased, so one person is one account whatever the capitalisation. */
export const emailField = z.string().trim().toLowerCase().max(254, "At most 254 characters.").pipe(z.email("Enter a valid email address."));

/**
 * A new password: at least 10 characters (length beats complexity rules), at most 200 (argon2 input stays bounded),
 * and not guessable (zxcvbn, scored here on the server, refuses common, leaked and keyboard-pattern passwords).
 */
export const newPasswordField = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .superRefine((password, ctx) => {
    const reason = weakPasswordReason(password);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });

/** Where to go after signing in; validated again by `safeCallbackUrl` before use. */
export const callbackUrlField = z.string().max(2048).optional();

export const signUpSchema = z
  .object({
    name: text().trim().min(1, "Enter your name.").max(80, "At most 80 characters."),
    email: emailField,
    password: newPasswordField,
    callbackUrl: callbackUrlField,
  })
  // A password made of the person's own name or address is guessable by anyone who knows them.
  .superRefine((v, ctx) => {
    const reason = weakPasswordReason(v.password, [v.name, v.email]);
    if (reason) ctx.addIssue({ code: "custom", path: ["password"], message: reason });
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(200),
  callbackUrl: callbackUrlField,
});
export type SignInInput = z.infer<typeof signInSchema>;

/** "Continue with GitHub/Google": the provider arrives from the browser, so it is parsed, never trusted by type. */
export const oauthSignInSchema = z.object({ provider: z.enum(["github", "google"]), callbackUrl: callbackUrlField });
export type OAuthSignInInput = z.infer<typeof oauthSignInSchema>;

export const emailOnlySchema = z.object({ email: emailField, callbackUrl: callbackUrlField });
export type EmailOnlyInput = z.infer<typeof emailOnlySchema>;

export const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(200), password: newPasswordField, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords don't match." });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(200), password: newPasswordField, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords don't match." });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** A second-factor code as typed: six digits from the app or a recovery code; "remember this device" is a checkbox. */
export const twoFactorCodeSchema = z.object({
  code: z.string().trim().min(1, "Enter the code from your authenticator app.").max(40, "That code is too long."),
  rememberDevice: z.literal("on").optional().transform((v) => v === "on"),
});
export type TwoFactorCodeInput = z.infer<typeof twoFactorCodeSchema>;

/** The first code from the app, confirming a new authenticator. */
export const twoFactorSetupCodeSchema = z.object({
  code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code from your authenticator app."),
});

/** Turning two-factor off: the password (when the account has one) and a current code or recovery code. */
export const disableTwoFactorSchema = z.object({
  password: z.string().max(200).optional(),
  code: z.string().trim().min(1, "Enter a code from your authenticator app or a recovery code.").max(40),
});
export type DisableTwoFactorInput = z.infer<typeof disableTwoFactorSchema>;
