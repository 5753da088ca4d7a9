import { findEndpoint, listAttempts, listDeliveries, listEndpoints } from "@/db/queries/webhooks";
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from "@/db/schema";
import type { Tx } from "@/db/tenant";

/** An endpoint as pages show it: never its secrets. */
export type EndpointView = Pick<
  WebhookEndpoint,
  "id" | "url" | "description" | "eventTypes" | "enabled" | "disabledReason" | "previousSecretExpiresAt" | "failingSince" | "createdAt"
> & { rotating: boolean };

/** A delivery with its attempts, for the delivery log. */
export type DeliveryView = Omit<WebhookDelivery, "payload"> & { payload: string; attemptLog: WebhookAttempt[] };

/** Deliveries per page of the log. */
export const DELIVERY_PAGE_SIZE = 25;

// Field by field, so a column added later (a secret, say) never reaches a page by accident.
function toView(e: WebhookEndpoint, now: Date): EndpointView {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    previousSecretExpiresAt: e.previousSecretExpiresAt,
    failingSince: e.failingSince,
    createdAt: e.createdAt,
    rotating: Boolean(e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now),
  };
}

/** The webhooks page: every endpoint of the organization with its last day's delivery counts. */
export async function listEndpointsPage(tx: Tx, now = new Date()) {
  const rows = await listEndpoints(tx);
  return rows.map((r) => ({ endpoint: toView(r.endpoint, now), deliveredToday: r.deliveredToday, failingToday: r.failingToday }));
}

/**
 * One endpoint's page: the endpoint and a page of its delivery log, newest first, each delivery with its
 * attempts; `before` is the cursor of the page's last delivery (`createdAt` ISO and id). Null for no endpoint.
 */
export async function endpointPage(tx: Tx, endpointId: string, before?: { createdAt: Date; id: string }, now = new Date()) {
  const endpoint = await findEndpoint(tx, endpointId);
  if (!endpoint) return null;
  const deliveries = await listDeliveries(tx, endpoint.id, DELIVERY_PAGE_SIZE + 1, before);
  const page = deliveries.slice(0, DELIVERY_PAGE_SIZE);
  const attempts = await listAttempts(tx, page.map((d) => d.id));
  return {
    endpoint: toView(endpoint, now),
    deliveries: page.map((d): DeliveryView => ({ ...d, attemptLog: attempts.filter((a) => a.deliveryId === d.id) })),
    hasMore: deliveries.length > DELIVERY_PAGE_SIZE,
  };
}
