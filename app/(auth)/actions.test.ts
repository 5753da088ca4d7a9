import { describe, expect, it, vi } from "vitest";
import { codeOf, submit } from "@/test/next-request";
import { oauthSignInAction } from "./actions";

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

describe("oauthSignInAction", () => {
  it("parses the provider instead of trusting its type", async () => {
    expect(codeOf(await submit(oauthSignInAction, { provider: "evil", callbackUrl: "" }))).toBe("validation_error");
    expect(codeOf(await submit(oauthSignInAction, { provider: "credentials", callbackUrl: "" }))).toBe("validation_error");
  });

  it("refuses a known provider that is not configured", async () => {
    expect(codeOf(await submit(oauthSignInAction, { provider: "github", callbackUrl: "" }))).toBe("not_found");
  });
});
