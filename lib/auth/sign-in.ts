import { findUserByEmail } from "@/db/queries/credentials";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "./limits";
import { hashPassword, verifyPassword } from "./password";
import type { SignInInput } from "./schemas";
import { sendVerificationEmail } from "./send-verification";
import type { AuthRequest } from "./sign-up";

/**
 * The one answer for a wrong email, a wrong password and an unverified address, so sign-in never tells which
 * accounts exist nor confirms a password before the address is proven. It mentions verification because a person
 * who just signed up gets it too (with a fresh link in their inbox).
 */
export const INVALID_CREDENTIALS = "That email and password don't match, or the address isn't verified yet (if so, we've emailed a new link).";

// A real hash to verify against when there is no account, so a missing account costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password, rate-limited per IP and per email. Returns the user id to start a session for;
 * throws `unauthorized` with one message for every mismatch. An unverified address with the right password gets
 * that same answer (a password oracle otherwise), and a fresh verification link goes to the address instead.
 * The caller starts the session and records the sign-in.
 */
export async function signInWithPassword(input: SignInInput, req: AuthRequest): Promise<{ userId: string }> {
  await enforceRateLimits(["signIn", req.ip], ["signInEmail", input.email]);
  const user = await findUserByEmail(input.email);
  if (!user?.passwordHash) {
    await verifyPassword(await (dummyHash ??= hashPassword("keel-no-such-account")), input.password);
    throw new AppError("unauthorized", INVALID_CREDENTIALS);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError("unauthorized", INVALID_CREDENTIALS);
  if (!user.emailVerified) {
    await sendVerificationEmail(user, req.origin);
    throw new AppError("unauthorized", INVALID_CREDENTIALS);
  }
  return { userId: user.id };
}
