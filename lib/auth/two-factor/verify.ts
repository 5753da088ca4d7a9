import { claimTotpStep, spendRecoveryCode } from "@/db/queries/two-factor";
import type { TwoFactorSecret } from "@/db/schema";
import type { Tx } from "@/db/tenant";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { openSecret } from "./secret-box";
import { matchTotp } from "./totp";

/** Which second factor a person proved: a code from the app, or one of their recovery codes (now spent). */
export type SecondFactor = "totp" | "recovery_code";

/**
 * Checks a code against the person's secret (inside withUser for them): a TOTP code of the current step or one
 * either side, never a step already used; or, when allowed, an unused recovery code, which is spent. Returns
 * which factor matched, or null.
 */
export async function verifySecondFactor(tx: Tx, row: TwoFactorSecret, input: string, opts: { allowRecoveryCode: boolean }): Promise<SecondFactor | null> {
  const code = input.replace(/\s/g, "");
  const step = matchTotp(openSecret(row.secret), code);
  if (step !== null) return (await claimTotpStep(tx, step)) ? "totp" : null;
  const recovery = opts.allowRecoveryCode ? normalizeRecoveryCode(code) : null;
  if (recovery && (await spendRecoveryCode(tx, hashRecoveryCode(recovery)))) {
    await recordAccountAudit({ action: "user.recovery_code_used", actorId: row.userId, target: { type: "user", id: row.userId } }, tx);
    return "recovery_code";
  }
  return null;
}
