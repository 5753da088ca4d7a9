import { findUserByEmail } from "@/db/queries/credentials";
import { enforceRateLimits } from "./limits";
import { sendVerificationEmail } from "./send-verification";
import type { AuthRequest } from "./sign-up";

/** Sends a new verification link if this email has an unverified account; silent otherwise, so it reveals nothing. */
export async function resendVerification(email: string, req: AuthRequest): Promise<void> {
  await enforceRateLimits(["magicLink", email], ["emailRequestsIp", req.ip]);
  const user = await findUserByEmail(email);
  if (user && !user.emailVerified) await sendVerificationEmail(user, req.origin);
}
