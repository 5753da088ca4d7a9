import { countSeatsTaken } from "@/db/queries/billing";
import { countProjects } from "@/db/queries/projects";
import { countEndpoints } from "@/db/queries/webhooks";
import type { Tx } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { lockEntitlements } from "./entitlements";

/** The billing page of an organization: where every "upgrade" message links. */
export const billingPath = (slug: string) => `/${slug}/settings/billing`;

/** Refuses (with `limitError`) sending webhooks by hand (a test event, a replay) on a plan without them. */
export async function assertWebhooksIncluded(tx: Tx, orgId: string): Promise<void> {
  const entitlements = await lockEntitlements(tx, orgId);
  if (!entitlements) throw new AppError("not_found", "Not found.");
  if (entitlements.limits.webhookEndpoints === 0) {
    throw limitError(entitlements.slug, `The ${entitlements.plan.name} plan does not include outgoing webhooks. Upgrade to send them.`);
  }
}

/** The error of a refused write over a plan limit: names the limit and links to the billing page. */
export function limitError(slug: string, message: string): AppError {
  return new AppError("conflict", message, { link: { href: billingPath(slug), label: "Upgrade your plan" } });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Refuses (with `limitError`) adding one more of `what` beyond the organization's plan, race-free: it locks the
 * organization's row first, so concurrent writers count one after another. Call it in the writer's transaction,
 * before the insert. Downgrades never delete: what is over a lower limit stays, only adding more is refused.
 */
export async function assertWithinLimit(tx: Tx, orgId: string, what: "projects" | "members" | "invitations" | "webhookEndpoints"): Promise<void> {
  const entitlements = await lockEntitlements(tx, orgId);
  if (!entitlements) throw new AppError("not_found", "Not found.");
  const { plan, limits } = entitlements;
  const org = { orgId, slug: entitlements.slug };
  if (what === "projects") {
    if (limits.projects !== null && (await countProjects(tx)) >= limits.projects) {
      throw limitError(org.slug, `The ${plan.name} plan includes ${plural(limits.projects, "project", "projects")}. Delete one or upgrade to create more projects.`);
    }
    return;
  }
  if (what === "webhookEndpoints") {
    if (limits.webhookEndpoints === 0) throw limitError(org.slug, `The ${plan.name} plan does not include outgoing webhooks. Upgrade to add endpoints.`);
    if (limits.webhookEndpoints !== null && (await countEndpoints(tx)) >= limits.webhookEndpoints) {
      throw limitError(org.slug, `The ${plan.name} plan includes ${plural(limits.webhookEndpoints, "webhook endpoint", "webhook endpoints")}. Delete one or upgrade to add more.`);
    }
    return;
  }
  if (limits.members === null) return;
  const { members, pending } = await countSeatsTaken(tx, org.orgId, new Date());
  // An invitation promises a seat: inviting counts members and open invitations; accepting one counts members only.
  const taken = what === "invitations" ? members + pending : members;
  if (taken >= limits.members) {
    throw limitError(
      org.slug,
      `The ${plan.name} plan includes ${plural(limits.members, "member", "members")}${what === "invitations" && pending ? ` (${plural(pending, "invitation is", "invitations are")} pending)` : ""}. Upgrade to add more members.`,
    );
  }
}
