import { entitlementsOf } from "@/lib/billing/entitlements";
import { billingPath } from "@/lib/billing/limits";
import { AppError } from "@/lib/errors";
import type { OrgContext } from "@/lib/orgs/membership";
import { usageCounter } from "./usage-counter";

/**
 * Counts one API request of the organization (in Redis: the request never waits on Postgres) and refuses it with
 * `quota_exceeded` (429) once the month's requests pass the `apiRequestsPerMonth` of its entitlements (cached: a
 * past-due plan keeps its allowance through the grace period only, a plan given without Stripe has its own). When
 * the counter is unreachable the request passes uncounted: an outage of the cache must not take the API down.
 */
export async function meterApiRequest(org: Pick<OrgContext, "orgId" | "slug">, now = new Date()): Promise<void> {
  const [used, { plan, limits }] = await Promise.all([usageCounter().increment(org.orgId, now), entitlementsOf(org.orgId)]);
  const allowance = limits.apiRequestsPerMonth;
  if (used !== null && used > allowance) {
    const nextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
    throw new AppError(
      "quota_exceeded",
      `This organization has used all ${allowance.toLocaleString("en-US")} API requests of the ${plan.name} plan for this month. Upgrade at ${billingPath(org.slug)} for more.`,
      { retryAfterSeconds: Math.max(1, Math.ceil((nextMonth - now.getTime()) / 1000)), link: { href: billingPath(org.slug), label: "Upgrade your plan" } },
    );
  }
}
