// Billing without the job path: the catalog sync, checkout and portal against the Stripe fake, entitlements from
// billing state, and plan limits enforced race-free in Postgres.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, organizations, projects, subscriptions } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import type { OrgContext } from "@/lib/orgs/membership";
import { AppError } from "@/lib/errors";
import { withOutbox } from "@/lib/outbox";
import { createOrgWithOwner } from "@/test/fixtures";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { startStripeFake, type StripeFake } from "@/test/stripe-fake";

const fake: StripeFake = await startStripeFake({ webhookSecret: "whsec_test_billing" });
stubEnv("STRIPE_SECRET_KEY", "sk_test_keel");
stubEnv("STRIPE_WEBHOOK_SECRET", "whsec_test_billing");
stubEnv("UNSAFE_STRIPE_API_URL", fake.url);

const { requireStripe } = await import("./stripe");
const { syncCatalog } = await import("./catalog");
const { startCheckout, openPortal } = await import("./checkout");
const { entitlementsFor, PAST_DUE_GRACE_DAYS } = await import("./entitlements");
const { createProject } = await import("@/lib/projects/create-project");
const { inviteMember } = await import("@/lib/orgs/invite-member");

beforeAll(async () => {
  await syncCatalog(requireStripe());
});
afterAll(async () => {
  await fake.close();
  await closeDatabase();
  unstubAllEnvs();
});

async function owner(label: string): Promise<OrgContext & { email: string }> {
  const { org, user } = await createOrgWithOwner(label);
  return { orgId: org.id, slug: org.slug, name: org.name, plan: org.plan, role: "owner", userId: user.id, email: user.email };
}

describe("the catalog from lib/plans.ts", () => {
  it("creates every product and price once, by lookup key; a second sync changes nothing", async () => {
    expect([...fake.products.keys()].sort()).toEqual(["keel_business", "keel_pro"]);
    expect(fake.priceByLookupKey("keel_pro_monthly")).toMatchObject({ unit_amount: 2900, recurring: { interval: "month" }, product: "keel_pro" });
    expect(fake.priceByLookupKey("keel_pro_yearly")).toMatchObject({ unit_amount: 29000, recurring: { interval: "year" } });
    expect(fake.priceByLookupKey("keel_business_monthly")).toMatchObject({ unit_amount: 1900, metadata: { per_seat: "true" } });
    const pricesBefore = fake.prices.size;
    const report = await syncCatalog(requireStripe());
    expect(report.every((line) => line.endsWith("unchanged"))).toBe(true);
    expect(fake.prices.size).toBe(pricesBefore);
  });

  it("replaces a price whose amount changed, moving its lookup key and archiving the old one", async () => {
    const old = fake.priceByLookupKey("keel_pro_monthly")!;
    old.unit_amount = 1000;
    const report = await syncCatalog(requireStripe());
    expect(report).toContain(`price keel_pro_monthly: replaced ${old.id} with ${fake.priceByLookupKey("keel_pro_monthly")!.id}`);
    expect(old).toMatchObject({ active: false, lookup_key: null });
    expect(fake.priceByLookupKey("keel_pro_monthly")).toMatchObject({ unit_amount: 2900 });
  });
});

describe("checkout and portal", () => {
  it("creates the customer once per organization and a subscription checkout with the plan's trial", async () => {
    const org = await owner("checkout");
    const origin = "http://localhost:3000";
    const [first, second] = await Promise.all([
      startCheckout(org, { plan: "pro", interval: "year" }, { email: org.email, origin }),
      startCheckout(org, { plan: "pro", interval: "year" }, { email: org.email, origin }),
    ]);
    expect(first).toMatch(new RegExp(`^${fake.url}/checkout/cs_`));
    expect(second).not.toBe(first);
    const creates = fake.calls.filter((c) => c.path === "/v1/customers" && c.params.metadata && (c.params.metadata as Record<string, string>).keel_org_id === org.orgId);
    expect(new Set(creates.map((c) => c.idempotencyKey))).toEqual(new Set([`keel-customer-${org.orgId}`]));
    const rows = await withSystem("test", (tx) => tx.select().from(subscriptions).where(eq(subscriptions.orgId, org.orgId)));
    expect(rows).toHaveLength(1);
    const session = [...fake.sessions.values()].find((s) => s.url === first)!;
    expect(session).toMatchObject({
      mode: "subscription",
      customer: rows[0]!.stripeCustomerId,
      client_reference_id: org.orgId,
      line_items: [{ price: fake.priceByLookupKey("keel_pro_yearly")!.id, quantity: "1" }],
      subscription_data: { trial_period_days: "14" },
      success_url: `${origin}/${org.slug}/settings/billing?checkout=success`,
      cancel_url: `${origin}/${org.slug}/settings/billing?checkout=canceled`,
    });
  });

  it("charges a per-seat plan one unit per member", async () => {
    const org = await owner("seats");
    const url = await startCheckout(org, { plan: "business", interval: "month" }, { email: org.email, origin: "http://x.test" });
    const session = [...fake.sessions.values()].find((s) => s.url === url)!;
    expect(session.line_items).toEqual([{ price: fake.priceByLookupKey("keel_business_monthly")!.id, quantity: "1" }]);
  });

  it("refuses members without billing:manage, and audits portal visits", async () => {
    const org = await owner("portal");
    await expect(startCheckout({ ...org, role: "admin" }, { plan: "pro", interval: "month" }, { email: org.email, origin: "http://x.test" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(openPortal(org, "http://x.test")).rejects.toMatchObject({ code: "conflict" });
    await startCheckout(org, { plan: "pro", interval: "month" }, { email: org.email, origin: "http://x.test" });
    const url = await openPortal(org, "http://x.test");
    expect(url).toContain(encodeURIComponent(`http://x.test/${org.slug}/settings/billing`));
    const audit = await withSystem("test", (tx) => tx.select().from(auditLogs).where(eq(auditLogs.orgId, org.orgId)));
    expect(audit.map((a) => a.action)).toContain("billing.portal_opened");
  });
});

describe("entitlements", () => {
  const now = new Date("2026-03-10T00:00:00Z");
  it("follow the subscription status: trialing and active get the plan, canceled and unpaid get Free", () => {
    for (const status of ["active", "trialing"]) expect(entitlementsFor({ plan: "pro", status, pastDueSince: null }, now).plan.id).toBe("pro");
    for (const status of ["canceled", "unpaid", "incomplete", "incomplete_expired", null]) expect(entitlementsFor({ plan: "pro", status, pastDueSince: null }, now).plan.id).toBe("free");
    expect(entitlementsFor(null, now).plan.id).toBe("free");
  });

  it("keep a past_due plan through the grace period, then fall back to Free", () => {
    const recently = entitlementsFor({ plan: "business", status: "past_due", pastDueSince: new Date(now.getTime() - 86_400_000) }, now);
    expect(recently.plan.id).toBe("business");
    expect(recently.graceEndsAt).toBe(new Date(now.getTime() + (PAST_DUE_GRACE_DAYS - 1) * 86_400_000).toISOString());
    const long = entitlementsFor({ plan: "business", status: "past_due", pastDueSince: new Date(now.getTime() - PAST_DUE_GRACE_DAYS * 86_400_000 - 1) }, now);
    expect(long).toMatchObject({ plan: { id: "free" }, paidPlan: { id: "business" }, graceEndsAt: null });
  });
});

describe("plan limits", () => {
  it("never lets 20 parallel project creations pass the Free limit, and names the limit with an upgrade link", async () => {
    const org = await owner("race");
    const ctx = { orgId: org.orgId, userId: org.userId };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => withOutbox(() => withTenant(ctx, (tx) => createProject(tx, ctx, { name: `P${i}`, description: "" })))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as AppError);
    expect(refused).toHaveLength(17);
    for (const err of refused) {
      expect(err).toBeInstanceOf(AppError);
      expect(err.toBody().error).toEqual({
        code: "conflict",
        message: "The Free plan includes 3 projects. Delete one or upgrade to create more projects.",
        link: { href: `/${org.slug}/settings/billing`, label: "Upgrade your plan" },
      });
    }
    const [count] = await withSystem("test", (tx) => tx.$count(projects, eq(projects.orgId, org.orgId)).then((n) => [n]));
    expect(count).toBe(3);
  });

  it("counts pending invitations against the member limit, and keeps data above a lower limit after a downgrade", async () => {
    const org = await owner("invites");
    const ctx = { orgId: org.orgId, userId: org.userId };
    const invite = (n: number) =>
      withOutbox(() => withTenant(ctx, (tx) => inviteMember(tx, org, { email: `p${n}@example.test`, role: "member" }, { name: "Owner", origin: "http://x.test" })));
    await invite(1);
    await invite(2);
    await expect(invite(3)).rejects.toMatchObject({ code: "conflict", message: "The Free plan includes 3 members (2 invitations are pending). Upgrade to add more members." });

    // On Pro (as if paid), then back to Free: the projects above the Free limit stay readable.
    await withSystem("test", (tx) => tx.update(organizations).set({ plan: "pro" }).where(eq(organizations.id, org.orgId)));
    for (let i = 0; i < 5; i++) await withOutbox(() => withTenant(ctx, (tx) => createProject(tx, ctx, { name: `Pro ${i}`, description: "" })));
    await withSystem("test", (tx) => tx.update(organizations).set({ plan: "free" }).where(eq(organizations.id, org.orgId)));
    const visible = await withTenant(ctx, (tx) => tx.select().from(projects));
    expect(visible).toHaveLength(5);
    await expect(withOutbox(() => withTenant(ctx, (tx) => createProject(tx, ctx, { name: "One more", description: "" })))).rejects.toMatchObject({ code: "conflict" });
  });
});
