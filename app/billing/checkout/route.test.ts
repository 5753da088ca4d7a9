// GET /billing/checkout?plan=…: "Start Pro" from the pricing page. Signed out: to sign-up, carrying the plan.
// Signed in: straight into Stripe Checkout for the first organization the person may manage billing of; a person
// who manages no organization's billing (a plain member) is sent to create one, never into someone else's checkout.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { startStripeFake } from "@/test/stripe-fake";

const fake = await startStripeFake({ webhookSecret: "whsec_checkout_route" });
stubEnv("STRIPE_SECRET_KEY", "sk_test_checkout_route");
stubEnv("STRIPE_WEBHOOK_SECRET", "whsec_checkout_route");
stubEnv("UNSAFE_STRIPE_API_URL", fake.url);
const { resetStripeClient, requireStripe } = await import("@/lib/billing/stripe");
resetStripeClient();
const { syncCatalog } = await import("@/lib/billing/catalog");
const { GET } = await import("./route");

let ownerToken = "";
let memberToken = "";
let orgId = "";

beforeAll(async () => {
  await syncCatalog(requireStripe());
  const { org, user: owner } = await createOrgWithOwner("checkout-route");
  orgId = org.id;
  const [member] = await withSystem("test: a plain member", async (tx) => {
    const rows = await tx.insert(users).values({ email: `member-${randomUUID()}@example.test`, emailVerified: new Date() }).returning();
    await tx.insert(memberships).values({ orgId: org.id, userId: rows[0]!.id, role: "member" });
    return rows;
  });
  ownerToken = await createSession(owner.id);
  memberToken = await createSession(member!.id);
});

afterAll(async () => {
  await fake.close();
  await closeDatabase();
  resetStripeClient();
  unstubAllEnvs();
});

const start = (query: string, token?: string) =>
  GET(new Request(`http://localhost:3000/billing/checkout?${query}`, { headers: token ? { cookie: `keel.session=${token}` } : {} }));

describe("GET /billing/checkout", () => {
  it("sends a signed-out visitor to sign up, carrying the plan and interval", async () => {
    const response = await start("plan=pro&interval=year");
    expect(response.status).toBe(303);
    const to = new URL(response.headers.get("location")!);
    expect(to.pathname).toBe("/sign-up");
    expect(to.searchParams.get("callbackUrl")).toBe("/billing/checkout?plan=pro&interval=year");
  });

  it("sends an owner straight into Stripe Checkout for their organization", async () => {
    const response = await start("plan=pro", ownerToken);
    expect(response.status).toBe(303);
    const sessionId = response.headers.get("location")!.split("/").pop()!;
    const session = fake.sessions.get(sessionId);
    expect(session).toMatchObject({ mode: "subscription", client_reference_id: orgId });
  });

  it("never opens checkout for a member without billing:manage: they are sent to create an organization", async () => {
    const before = fake.sessions.size;
    const response = await start("plan=pro", memberToken);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/new");
    expect(fake.sessions.size).toBe(before);
  });

  it("refuses a plan that cannot be bought with 422", async () => {
    const response = await start("plan=enterprise", ownerToken);
    expect(response.status).toBe(422);
  });
});
