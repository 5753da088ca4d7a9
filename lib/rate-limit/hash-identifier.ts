import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import type { RateLimitSubject } from "./policies";

/**
 * An IPv6 client usually owns a whole /64, so counting single addresses would give an attacker 2^64 budgets.
 * IPv4-mapped addresses (::ffff:1.2.3.4, what a dual-stack socket reports) count as the IPv4 address.
 */
function normalizeIp(ip: string): string {
  const address = ip.trim().toLowerCase().split("%")[0] ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  // An embedded IPv4 tail (…:1.2.3.4) stands for two groups when counting what "::" expands to.
  const groups = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const [head = "", tail] = address.split("::");
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${all.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/** The identifier as the policy counts it: emails case-insensitively and trimmed, IPv6 by its /64. */
export function normalizeIdentifier(by: RateLimitSubject, identifier: string): string {
  if (by === "email") return identifier.trim().toLowerCase();
  if (by === "ip") return normalizeIp(identifier);
  return identifier;
}

/**
 * SHA-256 (hex) of the normalised identifier, so emails, IPs and API keys never sit in Redis in clear.
 * Unkeyed, so it hides values from a casual look at the keys, not from a dictionary attack on an IPv4 address.
 */
export function hashIdentifier(by: RateLimitSubject, identifier: string): string {
  return createHash("sha256").update(`${by}:${normalizeIdentifier(by, identifier)}`).digest("hex");
}
