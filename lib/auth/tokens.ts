import { createHash, randomBytes } from "node:crypto";
import { consumeVerificationToken, liveVerificationTokenExists, replaceVerificationToken } from "@/db/queries/verification-tokens";

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** What a single-use token is for; part of its identifier so one kind can never be spent as another. */
export type TokenPurpose = "verify-email" | "reset-password" | "change-email" | "undo-email-change";

/**
 * SHA-256 of a token, hex: what is stored, so a database leak yields no usable token. Tokens are looked up by
 * this hash, never compared as strings, so no comparison can leak a token's prefix through timing.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh secret token: 32 random bytes, URL-safe (session cookies, email links, invitations). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Issues a single-use token for `subject` (a user id), replacing any earlier one of the same purpose.
 * Returns the token to put in the link; only its hash is stored.
 */
export async function issueToken(purpose: TokenPurpose, subject: string, ttlMs: number): Promise<string> {
  const token = newToken();
  await replaceVerificationToken(`${purpose}:${subject}`, hashToken(token), new Date(Date.now() + ttlMs));
  return token;
}

/**
 * Spends a token: returns its subject if the token exists, is unexpired and of this purpose, deleting it in the
 * same statement so it can be used once, however many requests race.
 */
export async function consumeToken(purpose: TokenPurpose, token: string): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const identifier = await consumeVerificationToken(hashToken(token), `${purpose}:`);
  return identifier ? identifier.slice(purpose.length + 1) : null;
}

/**
 * Whether a link's token could still be spent (exists, unexpired, of this purpose), without spending it: token pages
 * show a used, expired or unknown link's error at once instead of a button that can only fail.
 */
export async function tokenIsLive(purpose: TokenPurpose, token: string): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  return liveVerificationTokenExists(hashToken(token), `${purpose}:`);
}
