import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findEndpoint, insertDeliveries } from "@/db/queries/webhooks";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWebhooksIncluded } from "@/lib/billing/limits";
import { AppError } from "@/lib/errors";
import { messageIdFor, TEST_EVENT_TYPE, testEventPayload } from "./event-catalog";
import { requestDelivery } from "./request-delivery";
import { endpointIdSchema } from "./schemas";

export const sendTestEventSchema = z.object({ endpointId: endpointIdSchema });
export type SendTestEventInput = z.infer<typeof sendTestEventSchema>;

/** Sends a `webhook.test` message to an endpoint, whatever it subscribes to; it shows in the delivery log. Audited. */
export async function sendTestEvent(tx: Tx, ctx: TenantContext, input: SendTestEventInput): Promise<{ deliveryId: string }> {
  const endpoint = await findEndpoint(tx, input.endpointId);
  if (!endpoint) throw new AppError("not_found", "That endpoint doesn't exist (it may have been deleted).");
  if (!endpoint.enabled) throw new AppError("conflict", "This endpoint is disabled. Enable it to send it a test event.");
  await assertWebhooksIncluded(tx, ctx.orgId);
  const eventId = randomUUID();
  const [delivery] = await insertDeliveries(tx, [
    { orgId: ctx.orgId, endpointId: endpoint.id, eventId: `test_${eventId}`, messageId: messageIdFor(eventId), eventType: TEST_EVENT_TYPE, payload: testEventPayload(ctx.orgId, endpoint.id, new Date()) },
  ]);
  await requestDelivery(tx, ctx.orgId, ctx.userId, delivery!);
  await recordAudit(tx, ctx.orgId, { action: "webhook_endpoint.test_sent", actorId: ctx.userId, target: { type: "webhook_endpoint", id: endpoint.id }, metadata: { url: endpoint.url } });
  return { deliveryId: delivery!.id };
}
