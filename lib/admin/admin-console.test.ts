// The admin console's actions through the real server actions, real Postgres and the real cache: disabling a person
// (signed out everywhere, refused at sign-in in words), impersonation and its limits, and comp plans against billing.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { insertImpersonationSession } from "@/db/queries/admin";
import { auditLogs, organizations, outboxEvents, sessions, subscriptions, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { codeOf, requestScope, submit } from "@/test/next-request";
import { startStripeFake, type StripeFake } from "@/test/stripe-fake";

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const fake: StripeFake = await startStripeFake({ webhookSecret: "whsec_test_admin" });
stubEnv("STRIPE_SECRET_KEY", "sk_test_keel");
stubEnv("STRIPE_WEBHOOK_SECRET", "whsec_test_admin");
stubEnv("UNSAFE_STRIPE_API_URL", fake.url);

const { disableUserAction, enableUserAction, impersonateUserAction, sendPasswordResetAction } = await import("@/app/admin/users/[id]/actions");
const { setCompPlanAction } = await import("@/app/admin/orgs/[id]/actions");
const { stopImpersonatingAction } = await import("@/components/impersonation/actions");
const { changePasswordAction, requestEmailChangeAction, startTwoFactorAction, disableTwoFactorAction } = await import("@/app/account/security/actions");
const { deleteAccountAction } = await import("@/app/account/data/actions");
const { updateProfileAction } = await import("@/app/account/actions");
const { signInAction } = await import("@/app/(auth)/actions");
const { getSession, readSession } = await import("@/lib/auth/session");
const { ACCOUNT_DISABLED } = await import("@/lib/auth/disabled");
const { resetPassword } = await import("@/lib/auth/password-reset");
const { issueToken } = await import("@/lib/auth/tokens");
const { hashPassword } = await import("@/lib/auth/password");
const { IMPERSONATION_MINUTES, REFUSED_WHILE_IMPERSONATING } = await import("./impersonation");
const { entitlementsOf } = await import("@/lib/billing/entitlements");
const { findOrgContext } = await import("@/lib/orgs/membership");
const { requireStripe } = await import("@/lib/billing/stripe");
const { syncCatalog } = await import("@/lib/billing/catalog");
const { startCheckout } = await import("@/lib/billing/checkout");
const { syncCustomer } = await import("@/lib/billing/sync-customer");

const device = { ip: "10.9.8.7", userAgent: "vitest" };
const PASSWORD = "correct horse battery staple 42";

beforeAll(async () => {
  await syncCatalog(requireStripe());
});
beforeEach(() => {
  requestScope.token = "";
  requestScope.jar.clear();
});
afterAll(async () => {
  await fake.close();
  await closeDatabase();
  unstubAllEnvs();
});

/** A platform admin, signed in as the caller of the next action. */
async function signedInAdmin() {
  const { user } = await createOrgWithOwner("staff");
  await withSystem("test: make admin", (tx) => tx.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, user.id)));
  const token = await createSession(user.id);
  requestScope.token = token;
  return { user, token };
}

/** A person with a verified password account and an organization. */
async function customer(label = "customer") {
  const { user, org } = await createOrgWithOwner(label);
  const passwordHash = await hashPassword(PASSWORD);
  await withSystem("test: password", (tx) => tx.update(users).set({ passwordHash, emailVerified: new Date() }).where(eq(users.id, user.id)));
  return { user, org };
}

const auditOf = (action: string, targetId: string) =>
  withSystem("test: read audit", (tx) => tx.select().from(auditLogs).where(and(eq(auditLogs.action, action), eq(auditLogs.targetId, targetId))));

const errorOf = (state: Awaited<ReturnType<typeof submit>>) => (state && "ok" in state && !state.ok ? state.error : null);

describe("disabling a person", () => {
  it("signs out every existing session at once (cached ones too) and refuses sign-in with a message in words", async () => {
    const { user } = await customer("disabled");
    const [laptop, phone] = [await createSession(user.id), await createSession(user.id)];
    // Warm the session cache: the disable must evict it, not wait for the TTL.
    expect((await readSession(laptop, device))?.user.id).toBe(user.id);
    expect((await readSession(phone, device))?.user.id).toBe(user.id);

    const admin = await signedInAdmin();
    expect(codeOf(await submit(disableUserAction, { userId: user.id, reason: "Chargeback fraud, ticket 77" }))).toBe("ok");

    expect(await readSession(laptop, device)).toBeNull();
    expect(await readSession(phone, device)).toBeNull();
    const [entry] = await auditOf("admin.user.disabled", user.id);
    expect(entry).toMatchObject({ actorId: admin.user.id, orgId: null, metadata: { reason: "Chargeback fraud, ticket 77", sessionsRevoked: 2 } });

    requestScope.token = "";
    const refused = errorOf(await submit(signInAction, { email: user.email, password: PASSWORD }));
    expect(refused).toMatchObject({ code: "forbidden", message: ACCOUNT_DISABLED });
    // A wrong password still gets the one generic answer: the disabled mark is told only to whoever knows the password.
    expect(errorOf(await submit(signInAction, { email: user.email, password: "not the password at all" }))?.message).not.toBe(ACCOUNT_DISABLED);
    // Recovery is refused too, and so is an admin's reset email.
    await expect(resetPassword(await issueToken("reset-password", user.id, 60_000), "another long password 99")).rejects.toMatchObject({ code: "forbidden", message: ACCOUNT_DISABLED });
    requestScope.token = admin.token;
    expect(codeOf(await submit(sendPasswordResetAction, { userId: user.id }))).toBe("conflict");

    expect(codeOf(await submit(enableUserAction, { userId: user.id }))).toBe("ok");
    requestScope.token = "";
    expect(await submit(signInAction, { email: user.email, password: PASSWORD })).toMatchObject({ redirectedTo: expect.any(String) });
    expect(await auditOf("admin.user.enabled", user.id)).toHaveLength(1);
  });

  it("an admin's password reset emails the person a link (through the outbox) and is audited", async () => {
    const { user } = await customer("reset");
    const admin = await signedInAdmin();
    expect(codeOf(await submit(sendPasswordResetAction, { userId: user.id }))).toBe("ok");
    const queued = await withSystem("test: read outbox", (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.name, "email/send.requested")));
    const mine = queued.filter((e) => (e.data as { email?: { to?: string } }).email?.to === user.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toMatchObject({ actorId: admin.user.id, email: { template: "reset-password", props: { url: expect.stringContaining("/reset-password?token=") } } });
    expect(await auditOf("admin.user.password_reset_sent", user.id)).toMatchObject([{ actorId: admin.user.id }]);
  });

  it("refuses to disable a platform admin", async () => {
    const other = await signedInAdmin();
    await signedInAdmin();
    expect(codeOf(await submit(disableUserAction, { userId: other.user.id, reason: "testing" }))).toBe("conflict");
  });
});

describe("impersonation", () => {
  it("swaps to a 30-minute session marked with the admin, refuses account changes, never grants admin, and is audited at start and stop", async () => {
    const { user } = await customer("impersonated");
    const admin = await signedInAdmin();
    const before = Date.now();
    const started = await submit(impersonateUserAction, { userId: user.id, reason: "Ticket 1234: empty projects page" });
    expect(started).toMatchObject({ redirectedTo: expect.stringMatching(/^\//) });

    const token = requestScope.jar.get("keel.session")!;
    expect(token).toBeTruthy();
    expect(requestScope.jar.get("keel.admin-session")).toBe(admin.token);
    const [row] = await withSystem("test: read", (tx) => tx.select().from(sessions).where(and(eq(sessions.userId, user.id), eq(sessions.impersonatorId, admin.user.id))));
    expect(row!.expires.getTime()).toBeGreaterThanOrEqual(before + IMPERSONATION_MINUTES * 60_000);
    expect(row!.expires.getTime()).toBeLessThanOrEqual(Date.now() + IMPERSONATION_MINUTES * 60_000);
    expect(await auditOf("admin.impersonation.started", user.id)).toMatchObject([{ actorId: admin.user.id, metadata: { reason: "Ticket 1234: empty projects page" } }]);

    requestScope.token = token;
    const session = await getSession();
    expect(session).toMatchObject({ user: { id: user.id, isPlatformAdmin: false }, impersonator: { id: admin.user.id, email: admin.user.email } });

    // The person's credentials and the account stay theirs, whatever the form says.
    for (const [action, fields] of [
      [changePasswordAction, { currentPassword: PASSWORD, password: "a brand new long password 1", confirmPassword: "a brand new long password 1" }],
      [requestEmailChangeAction, { email: "elsewhere@example.test", password: PASSWORD }],
      [startTwoFactorAction, {}],
      [disableTwoFactorAction, {}],
      [deleteAccountAction, { confirmEmail: user.email }],
    ] as const) {
      expect(errorOf(await submit(action as Parameters<typeof submit>[0], fields))).toMatchObject({ code: "forbidden", message: REFUSED_WHILE_IMPERSONATING });
    }
    // Everyday actions work as the person.
    expect(codeOf(await submit(updateProfileAction, { name: "Renamed by support", image: "" }))).toBe("ok");
    // The impersonation session is no way into the console: admin actions answer as to anyone else.
    expect(codeOf(await submit(disableUserAction, { userId: user.id, reason: "escalation" }))).toBe("not_found");

    expect(await submit(stopImpersonatingAction, {})).toEqual({ redirectedTo: `/admin/users/${user.id}` });
    expect(requestScope.jar.get("keel.session")).toBe(admin.token);
    expect(requestScope.jar.has("keel.admin-session")).toBe(false);
    expect(await readSession(token, device)).toBeNull();
    expect(await auditOf("admin.impersonation.stopped", user.id)).toMatchObject([{ actorId: admin.user.id }]);
  });

  it("cannot impersonate another platform admin, a disabled person, or oneself", async () => {
    const other = await signedInAdmin();
    const { user: disabled } = await customer("off");
    const admin = await signedInAdmin();
    expect(codeOf(await submit(disableUserAction, { userId: disabled.id, reason: "abuse report" }))).toBe("ok");
    expect(errorOf(await submit(impersonateUserAction, { userId: other.user.id, reason: "curious" }))).toMatchObject({ code: "forbidden", message: "Another platform admin can't be impersonated." });
    expect(codeOf(await submit(impersonateUserAction, { userId: disabled.id, reason: "curious" }))).toBe("conflict");
    expect(codeOf(await submit(impersonateUserAction, { userId: admin.user.id, reason: "curious" }))).toBe("conflict");
    expect(requestScope.jar.has("keel.admin-session")).toBe(false);
  });

  it("ends by itself after its expiry: the session is gone and the admin's own session is back from the return cookie", async () => {
    const { user } = await customer("expired");
    const admin = await signedInAdmin();
    const token = "expired-impersonation-token-0123456789";
    await withSystem("test: an impersonation that began 31 minutes ago", (tx) =>
      insertImpersonationSession(tx, { token, userId: user.id, impersonatorId: admin.user.id, expires: new Date(Date.now() - 60_000), ip: null, userAgent: null }),
    );
    requestScope.token = token;
    requestScope.jar.set("keel.admin-session", admin.token);
    expect(await readSession(token, device)).toBeNull();
    expect(await getSession()).toMatchObject({ user: { id: admin.user.id, isPlatformAdmin: true }, impersonator: null });
  });

  it("requires a reason", async () => {
    const { user } = await customer("no-reason");
    await signedInAdmin();
    expect(codeOf(await submit(impersonateUserAction, { userId: user.id, reason: "" }))).toBe("validation_error");
  });
});

describe("comp plans", () => {
  it("are honoured by entitlements and memberships at once, and survive a Stripe subscription and its sync", async () => {
    const { user, org } = await customer("comped");
    const ctx = { orgId: org.id, slug: org.slug, name: org.name, plan: org.plan, role: "owner" as const, userId: user.id };
    // Warm both caches on Free: the comp must invalidate them.
    expect((await entitlementsOf(org.id)).plan.id).toBe("free");
    expect((await findOrgContext(user.id, org.slug))?.plan).toBe("free");

    await signedInAdmin();
    expect(codeOf(await submit(setCompPlanAction, { orgId: org.id, planId: "business", reason: "Design partner until June" }))).toBe("ok");
    expect((await entitlementsOf(org.id)).plan.id).toBe("business");
    expect((await entitlementsOf(org.id)).compPlan?.id).toBe("business");
    expect((await findOrgContext(user.id, org.slug))?.plan).toBe("business");
    expect(await auditOf("admin.org.comp_plan_set", org.id)).toMatchObject([{ orgId: org.id, metadata: { from: null, to: "business", reason: "Design partner until June" } }]);

    // They subscribe to Pro anyway; Stripe's sync writes billing state and leaves the comp alone.
    await startCheckout(ctx, { plan: "pro", interval: "month" }, { email: user.email, origin: "http://x.test" });
    const [row] = await withSystem("test", (tx) => tx.select().from(subscriptions).where(eq(subscriptions.orgId, org.id)));
    fake.createSubscription({ customer: row!.stripeCustomerId, price: fake.priceByLookupKey("keel_pro_monthly")!.id });
    await syncCustomer(requireStripe(), row!.stripeCustomerId, { source: "test" });
    const [after] = await withSystem("test", (tx) => tx.select({ plan: organizations.plan, compPlan: organizations.compPlan }).from(organizations).where(eq(organizations.id, org.id)));
    expect(after).toEqual({ plan: "pro", compPlan: "business" });
    expect((await entitlementsOf(org.id)).plan.id).toBe("business");

    // Taken back, billing alone decides again.
    expect(codeOf(await submit(setCompPlanAction, { orgId: org.id, planId: "none", reason: "Partnership ended" }))).toBe("ok");
    expect((await entitlementsOf(org.id)).plan.id).toBe("pro");
    expect((await findOrgContext(user.id, org.slug))?.plan).toBe("pro");
  });

  it("never lowers what is paid for", async () => {
    const { org } = await customer("lower");
    await withSystem("test", (tx) => tx.update(organizations).set({ plan: "business" }).where(eq(organizations.id, org.id)));
    await signedInAdmin();
    expect(codeOf(await submit(setCompPlanAction, { orgId: org.id, planId: "pro", reason: "Mistake" }))).toBe("ok");
    expect((await entitlementsOf(org.id)).plan.id).toBe("business");
  });
});

describe("the users and organizations lists", () => {
  it("search email, name and slug (pattern characters taken literally) and page with one extra row", async () => {
    const { loadUsersPage } = await import("./load-users");
    const { loadOrgsPage } = await import("./load-orgs");
    const { ADMIN_PAGE_SIZE } = await import("@/db/queries/admin");
    const tag = `lst${Date.now().toString(36)}`;
    const people = await Promise.all(Array.from({ length: ADMIN_PAGE_SIZE + 1 }, (_, i) => createOrgWithOwner(`${tag}-${i}`)));
    await withSystem("test: a name", (tx) => tx.update(users).set({ name: `Zed ${tag}` }).where(eq(users.id, people[0]!.user.id)));

    const first = await withSystem("test", (tx) => loadUsersPage(tx, { q: tag, page: 1 }));
    expect(first.users).toHaveLength(ADMIN_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    const second = await withSystem("test", (tx) => loadUsersPage(tx, { q: tag, page: 2 }));
    expect(second).toMatchObject({ hasMore: false, users: [expect.anything()] });
    expect(new Set([...first.users, ...second.users].map((u) => u.id)).size).toBe(ADMIN_PAGE_SIZE + 1);

    expect((await withSystem("test", (tx) => loadUsersPage(tx, { q: `zed ${tag}`, page: 1 }))).users.map((u) => u.id)).toEqual([people[0]!.user.id]);
    expect((await withSystem("test", (tx) => loadUsersPage(tx, { q: `${tag}%`, page: 1 }))).users).toEqual([]);

    const orgs = await withSystem("test", (tx) => loadOrgsPage(tx, { q: `${tag}-7`, page: 1 }));
    expect(orgs.orgs).toMatchObject([{ id: people[7]!.org.id, memberCount: 1, mrrCents: 0, plan: "free" }]);
  });
});
