import { z } from "zod";
import { listMemberIds } from "@/db/queries/memberships";
import { updateOrg } from "@/db/queries/orgs";
import type { Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { afterCommit } from "@/lib/outbox";
import { assertCan, invalidateMemberships, type OrgContext } from "./membership";
import { text } from "@/lib/validation";

export const renameOrgSchema = z.object({ name: text().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.") });
export type RenameOrgInput = z.infer<typeof renameOrgSchema>;

/** Renames the organization; every member's cached view of it is refreshed after commit. */
export async function renameOrg(tx: Tx, org: OrgContext, input: RenameOrgInput) {
  assertCan(org, "org:update");
  const row = await updateOrg(tx, org.orgId, { name: input.name });
  await recordAudit(tx, org.orgId, { action: "org.renamed", actorId: org.userId, target: { type: "org", id: org.orgId }, metadata: { from: org.name, to: input.name } });
  const members = await listMemberIds(tx, org.orgId);
  afterCommit(() => invalidateMemberships(...members));
  return row!;
}
