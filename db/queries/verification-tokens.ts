import { and, eq, gt, like } from "drizzle-orm";
import { primaryDb } from "../client";
import { verificationTokens } from "../schema";

// Public queries of email links (verify email, reset password): whoever holds the link is not signed in.

/** Stores a token's hash under `identifier`, replacing any earlier token of that identifier, in one transaction. */
export async function replaceVerificationToken(identifier: string, tokenHash: string, expires: Date): Promise<void> {
  await primaryDb.transaction(async (tx) => {
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier));
    await tx.insert(verificationTokens).values({ identifier, token: tokenHash, expires });
  });
}

/**
 * Deletes the unexpired token with this hash whose identifier starts with `prefix`, in one statement (so it is
 * spent once however many requests race), and returns its identifier; null when there is none.
 */
export async function consumeVerificationToken(tokenHash: string, prefix: string): Promise<string | null> {
  const [row] = await primaryDb
    .delete(verificationTokens)
    .where(and(eq(verificationTokens.token, tokenHash), like(verificationTokens.identifier, `${prefix}%`), gt(verificationTokens.expires, new Date())))
    .returning({ identifier: verificationTokens.identifier });
  return row?.identifier ?? null;
}

/** Whether an unexpired token with this hash and identifier prefix exists (a page showing a link's state; spends nothing). */
export async function liveVerificationTokenExists(tokenHash: string, prefix: string): Promise<boolean> {
  const [row] = await primaryDb
    .select({ identifier: verificationTokens.identifier })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.token, tokenHash), like(verificationTokens.identifier, `${prefix}%`), gt(verificationTokens.expires, new Date())))
    .limit(1);
  return Boolean(row);
}
