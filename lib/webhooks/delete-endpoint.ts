import { z } from "zod";
import { deleteEndpointRow } from "@/db/queries/webhooks";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { endpointIdSchema } from "./schemas";

export const deleteEndpointSchema = z.object({ endpointId: endpointIdSchema });
export type DeleteEndpointInput = z.infer<typeof deleteEndpointSchema>;

/** Deletes an endpoint with its delivery log; retries in flight find nothing and stop. Audited with its URL. */
export async function deleteEndpoint(tx: Tx, ctx: TenantContext, input: DeleteEndpointInput): Promise<void> {
  const endpoint = await deleteEndpointRow(tx, input.endpointId);
  if (!endpoint) throw new AppError("not_found", "That endpoint doesn't exist (it may have been deleted already).");
  await recordAudit(tx, ctx.orgId, {
    action: "webhook_endpoint.deleted",
    actorId: ctx.userId,
    target: { type: "webhook_endpoint", id: endpoint.id },
    metadata: { url: endpoint.url },
  });
}
