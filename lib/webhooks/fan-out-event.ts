import { findSubscribedEndpoints, insertDeliveries } from "@/db/queries/webhooks";
import type { Tx } from "@/db/tenant";
import { messageIdFor, toWebhookEvent } from "./event-catalog";
import { requestDelivery } from "./request-delivery";

/** An internal event as the fan-out job receives it. */
export type InternalEvent = { id: string; name: string; data: Record<string, unknown> & { orgId: string; actorId: string | null }; at: Date };

/**
 * Creates one delivery of `event` for each enabled endpoint of its organization subscribed to its public type,
 * and asks for each to be delivered, in the caller's transaction. Safe to run twice: an (endpoint, event) pair
 * that already has its delivery is skipped, and only new deliveries are requested. Returns how many it created.
 */
export async function fanOutEvent(tx: Tx, event: InternalEvent): Promise<number> {
  const { orgId, actorId } = event.data;
  const published = toWebhookEvent(event.name, event.data, orgId, event.at);
  if (!published) return 0;
  const endpoints = await findSubscribedEndpoints(tx, published.type);
  const created = await insertDeliveries(
    tx,
    endpoints.map((e) => ({ orgId, endpointId: e.id, eventId: event.id, messageId: messageIdFor(event.id), eventType: published.type, payload: published.payload })),
  );
  for (const delivery of created) await requestDelivery(tx, orgId, actorId, delivery);
  return created.length;
}
