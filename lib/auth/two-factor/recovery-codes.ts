import { randomInt } from "node:crypto";
import { hashToken } from "../tokens";

/** How many recovery codes a person gets. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/o, 1/l/i: codes are read off paper. 31 symbols, 10 of them: about 50 bits each, and attempts are rate-limited.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten fresh codes, `xxxxx-xxxxx`; shown once, stored only as hashes. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A code as typed ("ABCDE FGHJK", "abcde-fghjk") in its one stored form, or null when it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const squeezed = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z0-9]{10}$/.test(squeezed) ? squeezed : null;
}

/** What is stored for a code: SHA-256 of its normal form. */
export function hashRecoveryCode(code: string): string {
  return hashToken(normalizeRecoveryCode(code) ?? code);
}
