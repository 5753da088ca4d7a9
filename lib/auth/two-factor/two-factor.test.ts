import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, sessions, twoFactorSecrets } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { createOutsider } from "@/test/fixtures";
import { requestScope } from "@/test/next-request";
import { TWO_FACTOR_PATH, beginSignIn, completeTwoFactorSignIn, decodeChallenge, encodeChallenge } from "./challenge";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment, twoFactorStatus } from "./manage";
import { openSecret } from "./secret-box";
import { matchTotp, totpCode } from "./totp";

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const STEP = 30_000;

async function storedSecret(userId: string): Promise<string> {
  const [row] = await withSystem("test: read secret", (tx) => tx.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.userId, userId)));
  return openSecret(row!.secret);
}

const sessionCount = async (userId: string) => (await withSystem("test: count sessions", (tx) => tx.select().from(sessions).where(eq(sessions.userId, userId)))).length;

/** A person with two-factor on; returns their secret and recovery codes. The confirming code's step is used up. */
async function personWithTwoFactor() {
  const userId = await createOutsider();
  await startTwoFactorEnrolment(userId);
  const secret = await storedSecret(userId);
  // Confirm with the previous step's code, so the current one is still fresh for the test.
  const { recoveryCodes } = await confirmTwoFactorEnrolment(userId, totpCode(secret, Date.now() - STEP));
  return { userId, secret, recoveryCodes };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("TOTP codes", () => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const now = 1_800_000_015_000;

  it("accepts the current step and one step either side, and nothing further", () => {
    const step = Math.floor(now / STEP);
    expect(matchTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, now - STEP), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + STEP), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, now - 2 * STEP), now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 2 * STEP), now)).toBeNull();
  });

  it("refuses anything that is not six digits", () => {
    expect(matchTotp(secret, "12345", now)).toBeNull();
    expect(matchTotp(secret, "abcdef", now)).toBeNull();
  });
});

describe("two-factor enrolment", () => {
  afterAll(closeDatabase);

  it("stores the secret encrypted, is pending until a code confirms it, then issues ten recovery codes", async () => {
    const userId = await createOutsider();
    await startTwoFactorEnrolment(userId);
    const [row] = await withSystem("test", (tx) => tx.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.userId, userId)));
    expect(row?.secret).toMatch(/^v1\./);
    expect(row?.enabledAt).toBeNull();
    const pending = await twoFactorStatus(userId, "p@example.test");
    expect(pending.state).toBe("pending");
    if (pending.state === "pending") {
      expect(pending.qrSvg).toMatch(/^<svg/);
      expect(pending.manualKey.replace(/ /g, "")).toBe(await storedSecret(userId));
    }

    expect((await errorOf(confirmTwoFactorEnrolment(userId, "000000"))).options.fields?.code).toBeDefined();
    const { recoveryCodes } = await confirmTwoFactorEnrolment(userId, totpCode(await storedSecret(userId)));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const on = await twoFactorStatus(userId, "p@example.test");
    expect(on).toMatchObject({ state: "on", recoveryCodesLeft: 10 });
    const audit = await withSystem("test", (tx) => tx.select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.actorId, userId)));
    expect(audit.map((a) => a.action)).toContain("user.two_factor_enabled");
  });

  it("turns off only with the password check and a valid code", async () => {
    const { userId, secret } = await personWithTwoFactor();
    expect((await errorOf(disableTwoFactor(userId, { code: "123456" }))).options.fields?.code).toBeDefined();
    await disableTwoFactor(userId, { code: totpCode(secret) });
    expect(await twoFactorStatus(userId, "p@example.test")).toEqual({ state: "off" });
  });
});

describe("sign-in with two-factor on", () => {
  beforeEach(() => {
    requestScope.token = "";
    requestScope.jar.clear();
  });

  it("asks for the second factor before any session exists, and starts one only after a valid code", async () => {
    const { userId, secret } = await personWithTwoFactor();
    expect(await beginSignIn(userId, "password", "/account/security")).toBe(TWO_FACTOR_PATH);
    expect(await sessionCount(userId)).toBe(0);

    expect((await errorOf(completeTwoFactorSignIn({ code: "000000", rememberDevice: false }))).code).toBe("validation_error");
    expect(await sessionCount(userId)).toBe(0);

    expect(await completeTwoFactorSignIn({ code: totpCode(secret), rememberDevice: false })).toBe("/account/security");
    expect(await sessionCount(userId)).toBe(1);
  });

  it("never accepts the same code twice", async () => {
    const { userId, secret } = await personWithTwoFactor();
    const code = totpCode(secret);
    await beginSignIn(userId, "password", undefined);
    await completeTwoFactorSignIn({ code, rememberDevice: false });
    await beginSignIn(userId, "password", undefined);
    expect((await errorOf(completeTwoFactorSignIn({ code, rememberDevice: false }))).code).toBe("validation_error");
  });

  it("accepts each recovery code once, however it is typed", async () => {
    const { userId, recoveryCodes } = await personWithTwoFactor();
    const code = recoveryCodes[0]!;
    await beginSignIn(userId, "magic-link", undefined);
    await completeTwoFactorSignIn({ code: ` ${code.toUpperCase().replace("-", " ")} `, rememberDevice: false });
    expect(await twoFactorStatus(userId, "p@example.test")).toMatchObject({ recoveryCodesLeft: 9 });
    await beginSignIn(userId, "magic-link", undefined);
    expect((await errorOf(completeTwoFactorSignIn({ code, rememberDevice: false }))).code).toBe("validation_error");
  });

  it("skips the second factor on a remembered device", async () => {
    const { userId, secret } = await personWithTwoFactor();
    await beginSignIn(userId, "password", undefined);
    await completeTwoFactorSignIn({ code: totpCode(secret), rememberDevice: true });
    expect(await beginSignIn(userId, "password", "/account")).toBe("/account");
    expect(await sessionCount(userId)).toBe(2);
  });

  it("refuses a missing, forged or expired challenge", async () => {
    const { userId, secret } = await personWithTwoFactor();
    expect((await errorOf(completeTwoFactorSignIn({ code: totpCode(secret), rememberDevice: false }))).code).toBe("unauthorized");
    const valid = encodeChallenge({ userId, method: "password", callbackUrl: null, expires: Date.now() + 60_000 });
    expect(decodeChallenge(valid)?.userId).toBe(userId);
    const [payload] = valid.split(".");
    const other = encodeChallenge({ userId: "00000000-0000-4000-8000-000000000000", method: "password", callbackUrl: null, expires: Date.now() + 60_000 });
    expect(decodeChallenge(`${payload}.${other.split(".")[1]}`)).toBeNull();
    expect(decodeChallenge(encodeChallenge({ userId, method: "password", callbackUrl: null, expires: Date.now() - 1 }))).toBeNull();
  });

  it("rate-limits attempts per person", async () => {
    const { userId } = await personWithTwoFactor();
    await beginSignIn(userId, "password", undefined);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await errorOf(completeTwoFactorSignIn({ code: "000000", rememberDevice: false }))).code);
    expect(codes.filter((c) => c === "rate_limited").length).toBeGreaterThan(0);
  });
});
