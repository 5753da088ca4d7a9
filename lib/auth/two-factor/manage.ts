import {
  countUnusedRecoveryCodes,
  deleteTwoFactor,
  findTwoFactorSecret,
  markTwoFactorEnabled,
  replaceRecoveryCodes,
  upsertPendingSecret,
} from "@/db/queries/two-factor";
import { withUser } from "@/db/tenant";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { cache } from "@/lib/cache";
import { AppError } from "@/lib/errors";
import { findUserById } from "@/db/queries/credentials";
import { enforceRateLimits } from "../limits";
import { verifyPassword } from "../password";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { groupedKey, newTotpSecret, otpauthUri } from "./totp";
import { twoFactorStatusKey } from "./status";
import { verifySecondFactor } from "./verify";

/** What the security page shows about a person's two-factor setup. */
export type TwoFactorStatus =
  | { state: "off" }
  | { state: "pending"; qrSvg: string; manualKey: string }
  | { state: "on"; since: Date; recoveryCodesLeft: number };


/** The person's two-factor state; a pending enrolment comes with its QR code (SVG, rendered here) and manual key. */
export async function twoFactorStatus(userId: string, email: string): Promise<TwoFactorStatus> {
  const { row, left } = await withUser(userId, async (tx) => ({ row: await findTwoFactorSecret(tx), left: await countUnusedRecoveryCodes(tx) }));
  if (!row) return { state: "off" };
  if (row.enabledAt) return { state: "on", since: row.enabledAt, recoveryCodesLeft: left };
  const secret = openSecret(row.secret);
  // Loaded here, not with the module: only a pending enrolment draws a QR code.
  const { default: QRCode } = await import("qrcode");
  const qrSvg = await QRCode.toString(otpauthUri(secret, email), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { state: "pending", qrSvg, manualKey: groupedKey(secret) };
}

/** Starts setting up two-factor: a new pending secret (replacing an unconfirmed one). Refused when it is already on. */
export async function startTwoFactorEnrolment(userId: string): Promise<void> {
  const started = await withUser(userId, (tx) => upsertPendingSecret(tx, userId, sealSecret(newTotpSecret())));
  if (!started) throw new AppError("conflict", "Two-factor authentication is already on.");
}

/**
 * Confirms the pending secret with a first code from the app: two-factor is on, ten recovery codes are issued
 * (returned once, stored hashed). The caller signs out the person's other sessions.
 */
export async function confirmTwoFactorEnrolment(userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  await enforceRateLimits(["twoFactor", userId]);
  const codes = newRecoveryCodes();
  const enabled = await withUser(userId, async (tx) => {
    const row = await findTwoFactorSecret(tx);
    if (!row || row.enabledAt) throw new AppError("conflict", "Start the setup again: there is no pending authenticator.");
    if (!(await verifySecondFactor(tx, row, code, { allowRecoveryCode: false }))) return false;
    await markTwoFactorEnabled(tx);
    await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
    await recordAccountAudit({ action: "user.two_factor_enabled", actorId: userId, target: { type: "user", id: userId } }, tx);
    return true;
  });
  if (!enabled) throw wrongCode();
  await cache.del(twoFactorStatusKey(userId));
  return { recoveryCodes: codes };
}

/** Cancels an unconfirmed setup (nothing changes for a confirmed one). */
export async function cancelTwoFactorEnrolment(userId: string): Promise<void> {
  await withUser(userId, async (tx) => {
    const row = await findTwoFactorSecret(tx);
    if (row && !row.enabledAt) await deleteTwoFactor(tx);
  });
}

/**
 * Turns two-factor off after checking the password (when the account has one) and a current code or recovery
 * code, rate-limited. Secret, recovery codes and remembered devices go. The caller signs out other sessions.
 */
export async function disableTwoFactor(userId: string, input: { password?: string; code: string }): Promise<void> {
  await enforceRateLimits(["twoFactor", userId]);
  const user = await findUserById(userId);
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.password ?? ""))) {
    throw new AppError("validation_error", "Check the highlighted field.", { fields: { password: ["That isn't your password."] } });
  }
  const disabled = await withUser(userId, async (tx) => {
    const row = await findTwoFactorSecret(tx);
    if (!row?.enabledAt) throw new AppError("conflict", "Two-factor authentication is already off.");
    if (!(await verifySecondFactor(tx, row, input.code, { allowRecoveryCode: true }))) return false;
    await deleteTwoFactor(tx);
    await recordAccountAudit({ action: "user.two_factor_disabled", actorId: userId, target: { type: "user", id: userId } }, tx);
    return true;
  });
  if (!disabled) throw wrongCode();
  await cache.del(twoFactorStatusKey(userId));
}

function wrongCode(): AppError {
  return new AppError("validation_error", "Check the highlighted field.", { fields: { code: ["That code isn't valid. Enter the current code from your app."] } });
}
