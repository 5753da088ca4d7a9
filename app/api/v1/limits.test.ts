// Rate limits and the monthly allowance of the public API, with small numbers so a test can reach them: the real
// limiter and counters on the real Redis (Upstash bridge), only the policy and the plan table are shrunk.
import { afterAll, describe, expect, it, vi } from "vitest";
import { pointApiTestsAtUpstash } from "@/test/api-test-setup";
import { closeDatabase } from "@/db/client";
import { eq } from "drizzle-orm";
import { organizations, subscriptions } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";

vi.mock("@/lib/rate-limit/policies", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/rate-limit/policies")>();
  return { ...actual, policies: { ...actual.policies, api: { limit: 3, window: "1 m", by: "apiKey" } } };
});
vi.mock("@/lib/plans", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/plans")>();
  const shrink = (p: (typeof actual.plans)[number]) => ({ ...p, limits: { ...p.limits, apiRequestsPerMonth: p.id === "free" ? 4 : 8 } });
  return { ...actual, plans: actual.plans.map(shrink), planById: (id: string) => shrink(actual.planById(id)) };
});

await pointApiTestsAtUpstash();
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { GET } = await import("@/app/api/v1/orgs/[orgSlug]/projects/route");

afterAll(closeDatabase);

async function keyOf(label: string) {
  const { org, user } = await createOrgWithOwner(label);
  const ctx = { orgId: org.id, userId: user.id };
  const { secret } = await withTenant(ctx, (tx) => createApiKey(tx, ctx, { name: "k", scopes: ["projects:read"] }));
  return { org, user, secret };
}

const list = (slug: string, headers: Record<string, string>) =>
  GET(new Request(`http://localhost/api/v1/orgs/${slug}/projects`, { headers }), { params: Promise.resolve({ orgSlug: slug }) });

describe("the per-caller rate limit", () => {
  it("sends RateLimit headers on every answer and refuses past the limit with 429 and Retry-After", async () => {
    const { org, secret } = await keyOf("rate");
    const auth = { authorization: `Bearer ${secret}` };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await list(org.slug, auth));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    for (const r of answers) {
      expect(r.headers.get("ratelimit-limit")).toBe("3");
      expect(Number(r.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(0);
    }
    const refused = answers[3]!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("counts each key and each browser session apart", async () => {
    const { org, user, secret } = await keyOf("rate-apart");
    for (let i = 0; i < 3; i++) await list(org.slug, { authorization: `Bearer ${secret}` });
    const token = await createSession(user.id);
    expect((await list(org.slug, { cookie: `keel.session=${token}` })).status).toBe(200);
  });
});

describe("the monthly allowance", () => {
  it("refuses requests past the plan's apiRequestsPerMonth with 429 quota_exceeded and the billing page", async () => {
    const { org, user, secret } = await keyOf("quota");
    const token = await createSession(user.id);
    // Two callers, so the per-caller rate limit (3) is not what stops them: the organization's allowance (4) is.
    const statuses = [];
    for (const headers of [{ authorization: `Bearer ${secret}` }, { cookie: `keel.session=${token}` }] as Record<string, string>[]) {
      for (let i = 0; i < 3; i++) statuses.push(await list(org.slug, headers));
    }
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 200, 429, 429]);
    const body = (await statuses[4]!.json()) as { error: { code: string; message: string; link: { href: string } } };
    expect(body.error.code).toBe("quota_exceeded");
    expect(body.error.message).toMatch(/used all 4 API requests of the Free plan for this month/);
    expect(body.error.link?.href).toBe(`/${org.slug}/settings/billing`);
    expect(Number(statuses[4]!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("follows the organization's entitlements: a past-due plan past its grace period has Free's allowance, a plan given without Stripe its own", async () => {
    const fiveRequests = async (label: string, billing: (orgId: string) => Promise<unknown>) => {
      const { org, user, secret } = await keyOf(label);
      await withSystem("test: pro plan", (tx) => tx.update(organizations).set({ plan: "pro" }).where(eq(organizations.id, org.id)));
      await billing(org.id);
      const token = await createSession(user.id);
      const statuses: number[] = [];
      // Three by key and two by session: the per-caller rate limit (3) never refuses one.
      const callers: Array<[Record<string, string>, number]> = [[{ authorization: `Bearer ${secret}` }, 3], [{ cookie: `keel.session=${token}` }, 2]];
      for (const [headers, times] of callers) {
        for (let i = 0; i < times; i++) statuses.push((await list(org.slug, headers)).status);
      }
      return statuses;
    };
    const lapsed = await fiveRequests("quota-lapsed", (orgId) =>
      withSystem("test: past due for 30 days", (tx) =>
        tx.insert(subscriptions).values({ orgId, stripeCustomerId: `cus_${orgId}`, plan: "pro", status: "past_due", pastDueSince: new Date(Date.now() - 30 * 86_400_000) }),
      ),
    );
    expect(lapsed).toEqual([200, 200, 200, 200, 429]);
    expect(await fiveRequests("quota-comped", async () => {})).toEqual([200, 200, 200, 200, 200]);
  });
});
