import { describe, expect, it } from "vitest";
import { isPublicPath } from "@/proxy";
import { describeDevice } from "./describe-device";
import { safeCallbackUrl, withCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths and drops anything that could leave the site", () => {
    expect(safeCallbackUrl("/acme/projects?tab=1")).toBe("/acme/projects?tab=1");
    for (const bad of ["//evil.test", "/\\evil.test", "https://evil.test/x", "javascript:alert(1)", "", undefined, "/api/auth/signout"]) {
      expect(safeCallbackUrl(bad)).toBeNull();
    }
  });

  it("carries a safe callback URL to the next page, and drops an unsafe one", () => {
    expect(withCallbackUrl("/sign-up", "/invitations/abc")).toBe("/sign-up?callbackUrl=%2Finvitations%2Fabc");
    expect(withCallbackUrl("/verify-email?token=t", "/pricing?plan=pro")).toBe("/verify-email?token=t&callbackUrl=%2Fpricing%3Fplan%3Dpro");
    expect(withCallbackUrl("/sign-up", "//evil.test")).toBe("/sign-up");
  });
});

describe("isPublicPath", () => {
  it("lets signed-out visitors reach marketing, auth, API and invitation pages only", () => {
    for (const p of ["/", "/pricing", "/sign-in", "/sign-up", "/verify-email", "/reset-password", "/api/health", "/dev/mailbox", "/invitations/abc", "/icon.svg"]) expect(isPublicPath(p)).toBe(true);
    for (const p of ["/acme/projects", "/account/security", "/new", "/sign-income"]) expect(isPublicPath(p)).toBe(false);
  });
});

describe("describeDevice", () => {
  it("names common browsers and systems", () => {
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15").label).toBe("Safari on macOS");
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0").label).toBe("Edge on Windows");
    expect(describeDevice(null).label).toBe("Unknown browser on Unknown OS");
  });
});
