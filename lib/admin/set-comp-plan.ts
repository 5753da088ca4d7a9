import { listMemberIds } from "@/db/queries/memberships";
import { setOrgCompPlan } from "@/db/queries/admin";
import type { Tx } from "@/db/tenant";
import { invalidateEntitlements } from "@/lib/billing/entitlements";
import { AppError } from "@/lib/errors";
import { invalidateMemberships } from "@/lib/orgs/membership";
import { afterCommit } from "@/lib/outbox";
import { planById } from "@/lib/plans";
import { recordAdminAudit } from "./record-admin-audit";

/**
 * Gives an organization a plan without payment, or takes it back (`planId` null): `organizations.comp_plan`, which
 * entitlements honour beside billing (the better of the two applies) and which the billing sync never writes, so a
 * later Stripe subscription neither erases it nor is erased by it. Cached entitlements and memberships (which carry
 * the plan) are dropped after commit. Audited under the organization, with the reason.
 */
export async function setCompPlan(tx: Tx, input: { actorId: string; orgId: string; planId: string | null; reason: string }): Promise<void> {
  if (input.planId !== null && planById(input.planId).id !== input.planId) throw new AppError("validation_error", "Unknown plan.");
  const changed = await setOrgCompPlan(tx, input.orgId, input.planId);
  if (!changed) throw new AppError("not_found", "That organization doesn't exist.");
  const memberIds = await listMemberIds(tx, input.orgId);
  afterCommit(async () => {
    await invalidateEntitlements(input.orgId);
    await invalidateMemberships(...memberIds);
  });
  await recordAdminAudit(tx, {
    action: input.planId ? "org.comp_plan_set" : "org.comp_plan_removed",
    actorId: input.actorId,
    target: { type: "organization", id: input.orgId },
    reason: input.reason,
    metadata: { from: changed.previous, to: input.planId },
  });
}
