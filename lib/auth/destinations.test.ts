import { describe, expect, it } from "vitest";
import { isAppPath } from "@/lib/app-paths";
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

describe("isAppPath", () => {
  it("guards the app's signed-in pages and nothing else, so unknown paths are 404s rather than sign-in pages", () => {
    for (const p of ["/acme", "/acme/projects", "/acme/projects/123", "/acme/settings/members", "/account", "/account/security", "/new", "/sign-income"]) {
      expect(isAppPath(p)).toBe(true);
    }
    for (const p of ["/", "/pricing", "/docs", "/sign-in", "/sign-up", "/verify-email", "/reset-password", "/api/health", "/dev/mailbox", "/invitations/abc"]) {
      expect(isAppPath(p)).toBe(false);
    }
    for (const p of ["/robots.txt", "/sitemap.xml", "/favicon.ico", "/icon.svg", "/acme/unknown", "/Acme/projects", "/a/b/c", "/newish/thing", "/new/x"]) {
      expect(isAppPath(p)).toBe(false);
    }
  });
});

describe("describeDevice", () => {
  it("names common browsers and systems", () => {
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15").label).toBe("Safari on macOS");
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0").label).toBe("Edge on Windows");
    expect(describeDevice(null).label).toBe("Unknown browser on Unknown OS");
  });
});
