import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "../secret";

// AES-256-GCM under a key derived from AUTH_SECRET. Rotating AUTH_SECRET makes stored authenticator secrets
// unreadable: people then sign in with a recovery code and set two-factor up again.
const PURPOSE = "two-factor-secret";

/** Encrypts an authenticator secret for storage: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(PURPOSE), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Decrypts what `sealSecret` stored; throws on tampering or a changed key. */
export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unknown sealed secret format");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey(PURPOSE), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
