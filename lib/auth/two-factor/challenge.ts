import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { findTwoFactorSecret, insertTrustedDevice, isTrustedDevice } from "@/db/queries/two-factor";
import { withUser } from "@/db/tenant";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { secureCookies } from "../cookies";
import { afterSignInPath } from "../destinations";
import { enforceRateLimits } from "../limits";
import { derivedKey } from "../secret";
import { startSession } from "../session";
import { hashToken, newToken } from "../tokens";
import { verifySecondFactor } from "./verify";

/*
 * Sign-in with two-factor on is two steps, and the session exists only after the second. The first factor
 * (password, magic link, OAuth, a reset or verification link) ends in `beginSignIn`: without two-factor it starts
 * the session; with it, the browser gets a short-lived signed challenge cookie naming the person, and goes to
 * /sign-in/two-factor. `completeTwoFactorSignIn` checks the code against that cookie and only then starts the session.
 */

/** How long the second step may take after the first. */
export const CHALLENGE_MAX_AGE_SECONDS = 10 * 60;
/** How long "remember this device" skips the second step. */
export const TRUSTED_DEVICE_DAYS = 30;
/** Where the second step is asked. */
export const TWO_FACTOR_PATH = "/sign-in/two-factor";

const challengeCookie = () => ({ name: secureCookies() ? "__Secure-keel.2fa-challenge" : "keel.2fa-challenge" });
const deviceCookie = () => ({ name: secureCookies() ? "__Secure-keel.2fa-device" : "keel.2fa-device" });
const cookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() });

const challengeSchema = z.object({ userId: z.uuid(), method: z.string().max(40), callbackUrl: z.string().max(2048).nullable(), expires: z.number() });
/** Who passed the first factor, how, and where they were going. */
export type Challenge = z.infer<typeof challengeSchema>;

function sign(payload: string): string {
  return createHmac("sha256", derivedKey("two-factor-challenge")).update(payload).digest("base64url");
}

/** The signed cookie value of a challenge: `<payload>.<hmac>`; nobody can forge one without AUTH_SECRET. */
export function encodeChallenge(challenge: Challenge): string {
  const payload = Buffer.from(JSON.stringify(challenge)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The challenge a cookie value carries, if its signature holds and it has not expired; else null. */
export function decodeChallenge(value: string | undefined, now = Date.now()): Challenge | null {
  const [payload, mac] = value?.split(".") ?? [];
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const challenge = challengeSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return challenge.expires > now ? challenge : null;
  } catch {
    return null;
  }
}

/** The pending challenge of this browser, or null (none, forged or expired). */
export async function currentChallenge(): Promise<Challenge | null> {
  return decodeChallenge((await cookies()).get(challengeCookie().name)?.value);
}

/**
 * Whether `userId` must pass a second factor on this browser: two-factor is on and the browser is not one they
 * chose to remember (an unexpired device cookie of theirs).
 */
export async function needsSecondFactor(userId: string): Promise<boolean> {
  // Auth.js names a person it has not stored yet by the provider's id: nobody new has two-factor on.
  if (!z.uuid().safeParse(userId).success) return false;
  const device = (await cookies()).get(deviceCookie().name)?.value;
  return withUser(userId, async (tx) => {
    const row = await findTwoFactorSecret(tx);
    if (!row?.enabledAt) return false;
    return !(device && (await isTrustedDevice(tx, hashToken(device))));
  });
}

/** Sets this browser's challenge cookie for `userId`. */
export async function issueChallenge(userId: string, method: string, callbackUrl: string | null): Promise<void> {
  const expires = Date.now() + CHALLENGE_MAX_AGE_SECONDS * 1000;
  (await cookies()).set(challengeCookie().name, encodeChallenge({ userId, method, callbackUrl, expires }), { ...cookieOptions(), maxAge: CHALLENGE_MAX_AGE_SECONDS });
}

/**
 * The end of every first factor handled by Keel's own actions: a session (and the sign-in audit entry) when no
 * second factor is needed, else a challenge. Returns where the browser goes next.
 */
export async function beginSignIn(userId: string, method: string, callbackUrl: unknown): Promise<string> {
  const safeCallback = typeof callbackUrl === "string" && callbackUrl ? callbackUrl : null;
  if (await needsSecondFactor(userId)) {
    await issueChallenge(userId, method, safeCallback);
    return TWO_FACTOR_PATH;
  }
  await startSession(userId);
  await recordAccountAudit({ action: "user.signed_in", actorId: userId, target: { type: "user", id: userId }, metadata: { method } });
  return afterSignInPath(userId, safeCallback);
}

/**
 * The second step: checks `code` (app code or recovery code) for the person of this browser's challenge,
 * rate-limited per person; on success clears the challenge, remembers the device when asked, starts the session
 * and returns where to go. A missing or expired challenge sends the person back to sign in.
 */
export async function completeTwoFactorSignIn(input: { code: string; rememberDevice: boolean }): Promise<string> {
  const challenge = await currentChallenge();
  if (!challenge) throw new AppError("unauthorized", "Your sign-in has expired. Sign in again.");
  const { userId } = challenge;
  await enforceRateLimits(["twoFactor", userId]);
  const factor = await withUser(userId, async (tx) => {
    const row = await findTwoFactorSecret(tx);
    if (!row?.enabledAt) return null;
    const matched = await verifySecondFactor(tx, row, input.code, { allowRecoveryCode: true });
    if (!matched) await recordAccountAudit({ action: "user.two_factor_failed", actorId: userId, target: { type: "user", id: userId } }, tx);
    return matched;
  });
  if (!factor) {
    throw new AppError("validation_error", "Check the highlighted field.", { fields: { code: ["That code isn't valid. Try the current code from your app, or a recovery code."] } });
  }
  const jar = await cookies();
  jar.delete(challengeCookie().name);
  if (input.rememberDevice) {
    const token = newToken();
    const expiresAt = new Date(Date.now() + TRUSTED_DEVICE_DAYS * 86_400_000);
    await withUser(userId, (tx) => insertTrustedDevice(tx, userId, hashToken(token), expiresAt));
    jar.set(deviceCookie().name, token, { ...cookieOptions(), expires: expiresAt });
  }
  await startSession(userId);
  await recordAccountAudit({ action: "user.signed_in", actorId: userId, target: { type: "user", id: userId }, metadata: { method: challenge.method, secondFactor: factor, rememberedDevice: input.rememberDevice } });
  return afterSignInPath(userId, challenge.callbackUrl);
}
