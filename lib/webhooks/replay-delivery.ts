import { z } from "zod";
import { findDeliveryWithEndpoint, restartDelivery } from "@/db/queries/webhooks";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWebhooksIncluded } from "@/lib/billing/limits";
import { AppError } from "@/lib/errors";
import { requestDelivery } from "./request-delivery";
import { deliveryIdSchema } from "./schemas";

export const replayDeliverySchema = z.object({ deliveryId: deliveryIdSchema });
export type ReplayDeliveryInput = z.infer<typeof replayDeliverySchema>;

/**
 * Delivers a message again, byte for byte and with the same `webhook-id`, with a fresh retry schedule. A run
 * still retrying the old generation stops at its next attempt, so the message is never in flight twice. Audited.
 */
export async function replayDelivery(tx: Tx, ctx: TenantContext, input: ReplayDeliveryInput): Promise<void> {
  const found = await findDeliveryWithEndpoint(tx, input.deliveryId);
  if (!found) throw new AppError("not_found", "That delivery doesn't exist (its endpoint may have been deleted).");
  if (!found.endpoint.enabled) throw new AppError("conflict", "This endpoint is disabled. Enable it to replay deliveries.");
  await assertWebhooksIncluded(tx, ctx.orgId);
  const delivery = (await restartDelivery(tx, found.delivery.id))!;
  await requestDelivery(tx, ctx.orgId, ctx.userId, delivery);
  await recordAudit(tx, ctx.orgId, {
    action: "webhook_delivery.replayed",
    actorId: ctx.userId,
    target: { type: "webhook_delivery", id: delivery.id },
    metadata: { endpointId: delivery.endpointId, eventType: delivery.eventType, messageId: delivery.messageId },
  });
}
