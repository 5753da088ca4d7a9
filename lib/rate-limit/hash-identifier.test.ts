import { describe, expect, it } from "vitest";
import { hashIdentifier, normalizeIdentifier } from "./hash-identifier";

describe("rate-limit identifiers", () => {
  it("hash to 64 hex characters that do not contain the identifier", () => {
    const hash = hashIdentifier("email", "ada@example.com");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("ada");
    expect(hashIdentifier("ip", "x")).not.toBe(hashIdentifier("apiKey", "x"));
  });

  it("normalise emails, IPv6 networks and IPv4-mapped addresses", () => {
    expect(normalizeIdentifier("email", " Ada@Example.COM ")).toBe("ada@example.com");
    expect(normalizeIdentifier("ip", "203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIdentifier("ip", "::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIdentifier("ip", "2001:DB8:0:0:1:2:3:4")).toBe("2001:db8:0:0::/64");
    expect(normalizeIdentifier("ip", "2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeIdentifier("ip", "fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normalizeIdentifier("ip", "::1")).toBe("0:0:0:0::/64");
    expect(normalizeIdentifier("ip", "64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(normalizeIdentifier("apiKey", "Key_ABC")).toBe("Key_ABC");
  });
});
