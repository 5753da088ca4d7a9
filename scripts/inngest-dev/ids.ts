// ULIDs for runs and events, like the Inngest server's: they sort by creation time.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const ENTROPY_BITS = 80n;

function encode(value: bigint, length: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET.charAt(Number(rest & 31n)) + out;
    rest >>= 5n;
  }
  return out;
}

function ulidFrom(timeMs: number, entropy: bigint): string {
  return encode(BigInt(Math.max(0, Math.floor(timeMs))), 10) + encode(entropy, 16);
}

/** A fresh ULID. */
export function ulid(timeMs = Date.now()): string {
  return ulidFrom(timeMs, BigInt(`0x${randomBytes(10).toString("hex")}`));
}

/**
 * Ids for the events of one `send()` call. The SDK retries a failed send with the same `x-inngest-event-id-seed`
 * header ("<ms>,<10 random bytes, base64>", components/Inngest.js `_send`), so ids derived from it are the same on
 * every retry and a send whose response got lost does not start its runs twice.
 */
export function seededEventIds(seed: string | undefined, count: number): string[] {
  const match = seed?.match(/^(\d+),([A-Za-z0-9+/=]+)$/);
  const bytes = match?.[2] ? Buffer.from(match[2], "base64") : undefined;
  if (!match || !bytes || bytes.length !== 10) return Array.from({ length: count }, () => ulid());
  const base = BigInt(`0x${bytes.toString("hex")}`);
  const mask = (1n << ENTROPY_BITS) - 1n;
  return Array.from({ length: count }, (_, i) => ulidFrom(Number(match[1]), (base + BigInt(i)) & mask));
}
