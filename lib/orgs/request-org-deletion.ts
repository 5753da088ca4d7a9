import { z } from "zod";
import type { Tx } from "@/db/tenant";
import { orgDeletionRequested } from "@/jobs/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/outbox";
import { assertCan, type OrgContext } from "./membership";

export const requestOrgDeletionSchema = z.object({ confirmSlug: z.string().trim() });
export type RequestOrgDeletionInput = z.infer<typeof requestOrgDeletionSchema>;

/**
 * Asks for the organization to be deleted: the request goes through the outbox in the caller's transaction and
 * the delete-org job does the deleting, so a large organization never holds up a request.
 */
export async function requestOrgDeletion(tx: Tx, org: OrgContext, input: RequestOrgDeletionInput): Promise<void> {
  assertCan(org, "org:delete");
  if (input.confirmSlug !== org.slug) {
    throw new AppError("validation_error", "Type the organization's address to confirm.", { fields: { confirmSlug: [`Type “${org.slug}” to confirm.`] } });
  }
  await recordAudit(tx, org.orgId, { action: "org.deletion_requested", actorId: org.userId, target: { type: "org", id: org.orgId }, metadata: { slug: org.slug } });
  await enqueue(tx, orgDeletionRequested, { orgId: org.orgId, actorId: org.userId, slug: org.slug });
}
