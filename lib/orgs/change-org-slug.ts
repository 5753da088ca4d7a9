import { z } from "zod";
import { listMemberIds } from "@/db/queries/memberships";
import { updateOrg } from "@/db/queries/orgs";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { assertCan, invalidateMemberships, type OrgContext } from "./membership";
import { orgSlugSchema } from "./slugs";

export const changeOrgSlugSchema = z.object({ slug: orgSlugSchema });
export type ChangeOrgSlugInput = z.infer<typeof changeOrgSlugSchema>;

const taken = () => new AppError("conflict", "That address is taken.", { fields: { slug: ["That address is taken."] } });

/**
 * Moves the organization to a new address. Reserved slugs fail validation; a taken one fails on the unique index
 * (no check-then-write race, and no cross-tenant read; the failed statement aborts the caller's transaction, which
 * the error then rolls back). Every member's cached membership is keyed by slug, so all of them are invalidated
 * after commit.
 */
export async function changeOrgSlug(tx: Tx, org: OrgContext, input: ChangeOrgSlugInput) {
  assertCan(org, "org:update");
  if (input.slug === org.slug) return { slug: org.slug };
  try {
    await updateOrg(tx, org.orgId, { slug: input.slug });
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === "23505" || (err as { code?: string }).code === "23505") throw taken();
    throw err;
  }
  await recordAudit(tx, org.orgId, { action: "org.slug_changed", actorId: org.userId, target: { type: "org", id: org.orgId }, metadata: { from: org.slug, to: input.slug } });
  const members = await listMemberIds(tx, org.orgId);
  afterCommit(() => invalidateMemberships(...members));
  return { slug: input.slug };
}
