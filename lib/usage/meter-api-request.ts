import { AppError } from "@/lib/errors";
import type { OrgContext } from "@/lib/orgs/membership";
import { planById } from "@/lib/plans";
import { usageCounter } from "./usage-counter";

/**
 * Counts one API request of the organization (in Redis: the request never waits on Postgres) and refuses it with
 * `quota_exceeded` (429) once the month's requests pass the plan's `apiRequestsPerMonth`. When the counter is
 * unreachable the request passes uncounted: an outage of the cache must not take the API down.
 */
export async function meterApiRequest(org: Pick<OrgContext, "orgId" | "slug" | "plan">, now = new Date()): Promise<void> {
  const used = await usageCounter().increment(org.orgId, now);
  const plan = planById(org.plan);
  const allowance = plan.limits.apiRequestsPerMonth;
  if (used !== null && used > allowance) {
    const nextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
    throw new AppError(
      "quota_exceeded",
      `This organization has used all ${allowance.toLocaleString("en-US")} API requests of the ${plan.name} plan for this month. Upgrade at /${org.slug}/settings/billing for more.`,
      { retryAfterSeconds: Math.max(1, Math.ceil((nextMonth - now.getTime()) / 1000)), link: { href: `/${org.slug}/settings/billing`, label: "Upgrade your plan" } },
    );
  }
}
