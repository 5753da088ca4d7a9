import { findUserByEmail } from "@/db/queries/credentials";
import { AppError } from "@/lib/errors";
import type { PolicyName } from "@/lib/rate-limit";
import { ACCOUNT_DISABLED } from "./disabled";
import { checkRateLimits, countFailures } from "./limits";
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

// Failures only, per account and per IP, in tiers whose waits grow (lib/rate-limit/policies.ts).
const failureBudgets = (input: SignInInput, req: AuthRequest): [PolicyName, string][] => [
  ["signInFailures1m", input.email],
  ["signInFailures15m", input.email],
  ["signInFailures1h", input.email],
  ["signInFailuresIp10m", req.ip],
  ["signInFailuresIp1h", req.ip],
];

/**
 * Checks an email and password. Only failures count against the rate limits (per account and per IP, with waits
 * that grow with them): a correct password never spends a budget. Returns the user id to start a session for;
 * throws `unauthorized` with one message for every mismatch. An unverified address with the right password gets
 * that same answer (a password oracle otherwise), and a fresh verification link goes to the address instead.
 * The caller starts the session and records the sign-in.
 */
export async function signInWithPassword(input: SignInInput, req: AuthRequest): Promise<{ userId: string }> {
  const budgets = failureBudgets(input, req);
  // Concurrent guesses can each pass this check before any of them is counted: at most one burst, then all wait.
  await checkRateLimits(...budgets);
  const user = await findUserByEmail(input.email);
  if (!user?.passwordHash) {
    await verifyPassword(await (dummyHash ??= hashPassword("keel-no-such-account")), input.password);
    await countFailures(...budgets);
    throw new AppError("unauthorized", INVALID_CREDENTIALS);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailures(...budgets);
    throw new AppError("unauthorized", INVALID_CREDENTIALS);
  }
  // Told in words, but only to someone who knows the password: a guesser learns nothing about the account.
  if (user.disabledAt) throw new AppError("forbidden", ACCOUNT_DISABLED);
  if (!user.emailVerified) {
    await sendVerificationEmail(user, req.origin);
    throw new AppError("unauthorized", INVALID_CREDENTIALS);
  }
  return { userId: user.id };
}
