import { z } from "zod";
import { findEndpoint, updateEndpointRow } from "@/db/queries/webhooks";
import type { WebhookEndpoint } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { checkedUrl, type UrlCheck } from "./check-endpoint-url";
import { endpointFieldsSchema, endpointIdSchema } from "./schemas";

export const updateEndpointSchema = endpointFieldsSchema.extend({ endpointId: endpointIdSchema });
export type UpdateEndpointInput = z.infer<typeof updateEndpointSchema>;

/**
 * Changes an endpoint's URL, description and events; a changed URL must have passed `check` (from
 * `checkEndpointUrl`, before the transaction). Audited with what changed.
 */
export async function updateEndpoint(tx: Tx, ctx: TenantContext, input: UpdateEndpointInput, check: UrlCheck): Promise<WebhookEndpoint> {
  const before = await findEndpoint(tx, input.endpointId);
  if (!before) throw new AppError("not_found", "That endpoint doesn't exist (it may have been deleted).");
  const url = input.url === before.url ? before.url : checkedUrl(check);
  const endpoint = (await updateEndpointRow(tx, before.id, { url, description: input.description, eventTypes: input.eventTypes }))!;
  const changed = [url !== before.url && "url", input.description !== before.description && "description", String(input.eventTypes) !== String(before.eventTypes) && "eventTypes"].filter(Boolean);
  await recordAudit(tx, ctx.orgId, {
    action: "webhook_endpoint.updated",
    actorId: ctx.userId,
    target: { type: "webhook_endpoint", id: endpoint.id },
    metadata: { url, changed },
  });
  return endpoint;
}
