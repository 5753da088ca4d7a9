import { and, desc, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/credentials";
import { auditLogs, memberships, organizations, outboxEvents, sessions, users } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/scripts/seed";
import { changePassword } from "./change-password";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { signUpSchema } from "./schemas";
import { readSession, revokeSessions } from "./session";
import { signInWithPassword } from "./sign-in";
import { signUp } from "./sign-up";
import { inviteMember } from "@/lib/orgs/invite-member";
import { findOrgContext, type OrgContext } from "@/lib/orgs/membership";
import { issueToken, tokenIsLive } from "./tokens";
import { verifyEmailToken } from "./verify-email";

const origin = "http://localhost:3000";
const device = { ip: "127.0.0.1", userAgent: "vitest" };
const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const req = () => ({ ip: uniqueIp(), origin });
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;
const password = "correct horse battery";

/** The emails queued for an address, newest first (what the send-email job would deliver). */
async function emailsTo(to: string) {
  const rows = await withSystem("test: read outbox", (tx) =>
    tx.select().from(outboxEvents).where(sql`${outboxEvents.data}->'email'->>'to' = ${to}`).orderBy(desc(outboxEvents.createdAt)),
  );
  return rows.map((r) => (r.data as { email: { template: string; props: Record<string, unknown> } }).email);
}

function tokenFrom(url: unknown): string {
  return new URL(String(url)).searchParams.get("token")!;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function signUpVerified(label: string) {
  const address = email(label);
  await signUp(signUpSchema.parse({ name: "Test Person", email: address, password }), req());
  const [verify] = await emailsTo(address);
  const userId = await verifyEmailToken(tokenFrom(verify!.props.url), origin);
  return { address, userId: userId! };
}

async function newSession(userId: string) {
  const token = randomUUID() + randomUUID();
  await createSession(userId, { token, expires: new Date(Date.now() + 86_400_000) });
  return token;
}

describe("sign-up and email verification", () => {
  afterAll(closeDatabase);

  it("creates an unverified account with a personal org and sends a verify link that works once", async () => {
    const address = email("signup");
    await signUp(signUpSchema.parse({ name: "Rosa", email: address.toUpperCase(), password }), req());
    const user = await findUserByEmail(address);
    expect(user?.emailVerified).toBeNull();
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const orgs = await withSystem("test", (tx) =>
      tx.select({ name: organizations.name, role: memberships.role }).from(memberships).innerJoin(organizations, eq(organizations.id, memberships.orgId)).where(eq(memberships.userId, user!.id)),
    );
    expect(orgs).toEqual([{ name: "Rosa's org", role: "owner" }]);

    const [verify] = await emailsTo(address);
    expect(verify?.template).toBe("verify-email");
    const token = tokenFrom(verify!.props.url);
    expect(await verifyEmailToken(token, origin)).toBe(user!.id);
    expect((await findUserByEmail(address))?.emailVerified).toBeInstanceOf(Date);
    expect(await verifyEmailToken(token, origin)).toBeNull();
  });

  it("answers a taken email exactly like a new one, and warns the owner instead of creating an account", async () => {
    const { address } = await signUpVerified("taken");
    const result = await signUp(signUpSchema.parse({ name: "Mallory", email: address, password: "another password!" }), req());
    expect(result).toEqual({ email: address });
    const [latest] = await emailsTo(address);
    expect(latest?.template).toBe("notice");
    const count = await withSystem("test", (tx) => tx.select().from(users).where(eq(users.email, address)));
    expect(count).toHaveLength(1);
  });

  it("refuses expired tokens and tokens of another purpose", async () => {
    const { userId } = await signUpVerified("purpose");
    const expired = await issueToken("verify-email", userId, -1000);
    expect(await verifyEmailToken(expired, origin)).toBeNull();
    const reset = await issueToken("reset-password", userId, 60_000);
    expect(await verifyEmailToken(reset, origin)).toBeNull();
    expect(await resetPassword(await issueToken("verify-email", userId, 60_000), "a brand new password")).toBeNull();
  });
});

describe("signing up to accept an invitation", () => {
  async function invitation(address: string) {
    const { org, user } = await createOrgWithOwner("inviting");
    const ctx = (await findOrgContext(user.id, org.slug)) as OrgContext;
    const { token } = await withTenant({ orgId: ctx.orgId, userId: ctx.userId }, (tx) =>
      inviteMember(tx, ctx, { email: address, role: "member" }, { name: "Olivia", origin }),
    );
    return `/invitations/${token}`;
  }
  const orgsOf = (userId: string) => withSystem("test", (tx) => tx.select().from(memberships).where(eq(memberships.userId, userId)));

  it("creates no personal organization and brings the verify link back to the invitation", async () => {
    const address = email("invitee");
    const callbackUrl = await invitation(address);
    await signUp(signUpSchema.parse({ name: "Tina Teammate", email: address, password, callbackUrl }), req());
    const user = await findUserByEmail(address);
    expect(await orgsOf(user!.id)).toEqual([]);
    const [verify] = await emailsTo(address);
    const url = new URL(String(verify!.props.url));
    expect(url.pathname).toBe("/verify-email");
    expect(url.searchParams.get("callbackUrl")).toBe(callbackUrl);
  });

  it("still creates the personal organization when the invitation is for another address", async () => {
    const address = email("other");
    const callbackUrl = await invitation(email("someone-else"));
    await signUp(signUpSchema.parse({ name: "Otto", email: address, password, callbackUrl }), req());
    const user = await findUserByEmail(address);
    expect(await orgsOf(user!.id)).toHaveLength(1);
  });
});

describe("token pages", () => {
  it("know a live token from a used, expired, unknown or wrong-purpose one without spending it", async () => {
    const { userId } = await signUpVerified("live");
    const token = await issueToken("reset-password", userId, 60_000);
    expect(await tokenIsLive("reset-password", token)).toBe(true);
    expect(await tokenIsLive("reset-password", token)).toBe(true);
    expect(await tokenIsLive("verify-email", token)).toBe(false);
    expect(await tokenIsLive("reset-password", "x".repeat(43))).toBe(false);
    expect(await tokenIsLive("reset-password", "not a token")).toBe(false);
    await resetPassword(token, "another long password");
    expect(await tokenIsLive("reset-password", token)).toBe(false);
    const expired = await issueToken("reset-password", userId, -1);
    expect(await tokenIsLive("reset-password", expired)).toBe(false);
  });
});

describe("password sign-in", () => {
  it("signs the demo users in with the documented password", async () => {
    await seedDemoData();
    for (const address of ["owner@acme.test", "member@acme.test", "owner@globex.test"]) {
      const { userId } = await signInWithPassword({ email: address, password: "keel-demo-password" }, req());
      expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("gives one message for a wrong password and an unknown account", async () => {
    const { address } = await signUpVerified("wrong");
    const wrong = await errorOf(signInWithPassword({ email: address, password: "not the password" }, req()));
    const unknown = await errorOf(signInWithPassword({ email: email("nobody"), password }, req()));
    expect(wrong.code).toBe("unauthorized");
    expect(unknown.message).toBe(wrong.message);
  });

  it("answers an unverified address with the right password exactly like a wrong one, and mails a fresh verification link", async () => {
    const address = email("unverified");
    await signUp(signUpSchema.parse({ name: "Una", email: address, password }), req());
    const before = (await emailsTo(address)).length;
    const wrong = await errorOf(signInWithPassword({ email: address, password: "not the password" }, req()));
    expect(await emailsTo(address)).toHaveLength(before);
    const right = await errorOf(signInWithPassword({ email: address, password }, req()));
    expect({ code: right.code, message: right.message }).toEqual({ code: wrong.code, message: wrong.message });
    expect(right.code).toBe("unauthorized");
    const after = await emailsTo(address);
    expect(after).toHaveLength(before + 1);
    expect(after[0]?.template).toBe("verify-email");
  });

  it("rate-limits per email after five attempts, with the same message for a missing account", async () => {
    const { address } = await signUpVerified("limited");
    const missing = email("missing");
    for (let i = 0; i < 5; i++) {
      await errorOf(signInWithPassword({ email: address, password: "wrong password" }, req()));
      await errorOf(signInWithPassword({ email: missing, password: "wrong password" }, req()));
    }
    const blocked = await errorOf(signInWithPassword({ email: address, password }, req()));
    const blockedMissing = await errorOf(signInWithPassword({ email: missing, password }, req()));
    expect(blocked.code).toBe("rate_limited");
    expect(blocked.options.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    expect(blockedMissing.message).toBe(blocked.message);
  });

  it("rate-limits per IP after twenty failures", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 20; i++) await errorOf(signInWithPassword({ email: email("ip"), password }, { ip, origin }));
    const err = await errorOf(signInWithPassword({ email: email("ip"), password }, { ip, origin }));
    expect(err.code).toBe("rate_limited");
    expect(err.options.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("rate-limits sign-up per IP", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) await signUp(signUpSchema.parse({ name: "S", email: email("su"), password }), { ip, origin });
    const err = await errorOf(signUp(signUpSchema.parse({ name: "S", email: email("su"), password }), { ip, origin }));
    expect(err.code).toBe("rate_limited");
  });
});

describe("password reset", () => {
  it("sets the new password with a single-use link and revokes every session", async () => {
    const { address, userId } = await signUpVerified("reset");
    const a = await newSession(userId);
    const b = await newSession(userId);
    expect(await readSession(a, device)).not.toBeNull();

    await requestPasswordReset(address, req());
    const [mail] = await emailsTo(address);
    expect(mail?.template).toBe("reset-password");
    expect(mail?.props.expiresInMinutes).toBe(60);
    const token = tokenFrom(mail!.props.url);

    expect(await resetPassword(token, "my new long password")).toBe(userId);
    expect(await readSession(a, device)).toBeNull();
    expect(await readSession(b, device)).toBeNull();
    expect(await resetPassword(token, "yet another password")).toBeNull();
    await expect(signInWithPassword({ email: address, password: "my new long password" }, req())).resolves.toEqual({ userId });
    await expect(signInWithPassword({ email: address, password }, req())).rejects.toThrow(AppError);

    const audit = await withSystem("test", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.actorId, userId), eq(auditLogs.action, "user.password_reset"))));
    expect(audit).toHaveLength(1);
  });

  it("sends nothing for an unknown address and rate-limits per email", async () => {
    const unknown = email("unknown");
    await requestPasswordReset(unknown, req());
    expect(await emailsTo(unknown)).toHaveLength(0);
    await requestPasswordReset(unknown, req());
    await requestPasswordReset(unknown, req());
    const err = await errorOf(requestPasswordReset(unknown, req()));
    expect(err.code).toBe("rate_limited");
  });
});

describe("sessions", () => {
  it("a revoked session fails on its next read even with a warm cache", async () => {
    const { userId } = await signUpVerified("revoke");
    const token = await newSession(userId);
    const first = await readSession(token, device);
    expect(first?.user.id).toBe(userId);
    await readSession(token, device);
    expect(await revokeSessions(userId, { id: first!.id })).toBe(1);
    expect(await readSession(token, device)).toBeNull();
    const rows = await withSystem("test", (tx) => tx.select().from(sessions).where(eq(sessions.userId, userId)));
    expect(rows).toHaveLength(0);
  });

  it("changing the password needs the current one", async () => {
    const { address, userId } = await signUpVerified("change");
    const err = await errorOf(changePassword(userId, { currentPassword: "nope nope nope", password: "new password 123", confirmPassword: "new password 123" }));
    expect(err.options.fields?.currentPassword).toBeDefined();
    await changePassword(userId, { currentPassword: password, password: "new password 123", confirmPassword: "new password 123" });
    await expect(signInWithPassword({ email: address, password: "new password 123" }, req())).resolves.toEqual({ userId });
  });
});
