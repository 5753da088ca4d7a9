import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";

/** Every Keel API key starts with this; the mode follows. */
export const API_KEY_PREFIX = "keel_";

const KEY_PATTERN = /^keel_(live|test)_[A-Za-z0-9_-]{43}$/;
const SHOWN_CHARS = 8;

/**
 * A new key: `keel_live_` in production, `keel_test_` elsewhere, then 32 random bytes. Returns the secret (shown
 * once), its SHA-256 (stored) and the prefix lists show (`keel_live_AbCd1234`).
 */
export function newApiKey(): { secret: string; hash: string; prefix: string } {
  const mode = env().NODE_ENV === "production" ? "live" : "test";
  const head = `${API_KEY_PREFIX}${mode}_`;
  const secret = head + randomBytes(32).toString("base64url");
  return { secret, hash: hashToken(secret), prefix: secret.slice(0, head.length + SHOWN_CHARS) };
}

/** Whether a string has the shape of a Keel API key (checked before any lookup). */
export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}
