import { hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

// Development and tests get a fixed, obviously-fake secret; production refuses to start without AUTH_SECRET (startup-checks).
const DEV_AUTH_SECRET = "keel-development-only-auth-secret-never-use-in-production";

/** AUTH_SECRET, or the development stand-in outside production (undefined in production without it). */
export function authSecret(): string | undefined {
  return env().AUTH_SECRET ?? (env().NODE_ENV === "production" ? undefined : DEV_AUTH_SECRET);
}

/** A 32-byte key for one purpose, derived from AUTH_SECRET (HKDF-SHA256), so no two uses share a key. */
export function derivedKey(purpose: string): Buffer {
  const secret = authSecret();
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", secret, "keel", purpose, 32));
}
