import { findUserById } from "@/db/queries/credentials";
import { AppError } from "@/lib/errors";

/** What a disabled person is told wherever they try to sign in or recover their account. */
export const ACCOUNT_DISABLED = "This account has been disabled. Contact support if you think this is a mistake.";

/** Whether the person was disabled by a platform admin. */
export async function isDisabled(userId: string): Promise<boolean> {
  return Boolean((await findUserById(userId))?.disabledAt);
}

/** Throws `forbidden` with ACCOUNT_DISABLED for a disabled person: no new session, no password reset. */
export async function assertNotDisabled(userId: string): Promise<void> {
  if (await isDisabled(userId)) throw new AppError("forbidden", ACCOUNT_DISABLED);
}
