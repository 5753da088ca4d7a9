import { z } from "zod";
import { listMemberIds } from "@/db/queries/memberships";
import { updateOrg } from "@/db/queries/orgs";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { afterCommit } from "@/lib/outbox";
import { assertCan, invalidateMemberships, type OrgContext } from "./membership";

export const setTwoFactorRequirementSchema = z.object({ required: z.enum(["true", "false"]).transform((v) => v === "true") });
export type SetTwoFactorRequirementInput = z.infer<typeof setTwoFactorRequirementSchema>;

/**
 * Requires (or stops requiring) two-factor authentication of every member. Members without it are sent to set it
 * up on their next page; every member's cached membership is dropped after commit so the rule applies at once.
 */
export async function setTwoFactorRequirement(tx: Tx, org: OrgContext, input: SetTwoFactorRequirementInput) {
  assertCan(org, "org:security");
  await updateOrg(tx, org.orgId, { requireTwoFactor: input.required });
  await recordAudit(tx, org.orgId, {
    action: input.required ? "org.two_factor_required" : "org.two_factor_optional",
    actorId: org.userId,
    target: { type: "org", id: org.orgId },
  });
  const members = await listMemberIds(tx, org.orgId);
  afterCommit(() => invalidateMemberships(...members));
  return { required: input.required };
}
