import type { Tx } from "@/db/tenant";
import { webhookDeliveryRequested } from "@/jobs/events";
import { enqueue } from "@/lib/outbox";

/** Asks the deliver-webhook job, through the outbox, to deliver `delivery` (at its current generation). */
export function requestDelivery(tx: Tx, orgId: string, actorId: string | null, delivery: { id: string; endpointId: string; generation: number }) {
  return enqueue(tx, webhookDeliveryRequested, { orgId, actorId, endpointId: delivery.endpointId, deliveryId: delivery.id, generation: delivery.generation });
}
