// THE one place where internal events become public webhook events. Internal events (jobs/events.ts) may change
// with the code; what leaves Keel is the documented shape below, built field by field, never an internal row.
// To publish another event: declare it in jobs/events.ts, add its types to `webhookEventTypes` (./event-types.ts),
// and add one `on(...)` line to `webhookSources`.
import type { EventType, StandardSchemaV1 } from "inngest";
import { memberChanged, projectChanged, subscriptionUpdated } from "@/jobs/events";
import { webhookEventTypes, type WebhookEventType } from "./event-types";

export { webhookEventTypes, type WebhookEventType };

/** The event type names, for a zod enum. */
export const webhookEventTypeNames = Object.keys(webhookEventTypes) as WebhookEventType[];

/** What a test message from the settings page carries; receivers should accept and ignore it. */
export const TEST_EVENT_TYPE = "webhook.test";

// The public payloads: a stable, documented contract (README, "Outgoing webhooks"). Add fields; never rename.
export type ProjectData = { id: string; name: string; description: string; createdAt: string; updatedAt: string };
export type MemberData = { userId: string; email: string; name: string | null; role: string; previousRole: string | null };
export type SubscriptionData = { plan: string; status: string; seats: number; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean };

/** What is signed and sent: Standard Webhooks' `type`, `timestamp` and `data`, plus the organization. */
export type WebhookPayload = { type: string; timestamp: string; organizationId: string; data: Record<string, unknown> };

type AnyEvent = EventType<string, StandardSchemaV1<Record<string, unknown>>>;
type DataOf<E extends AnyEvent> = StandardSchemaV1.InferOutput<E["schema"]>;
/** A public event (its type and data) from an internal event's data, or null when it has no public counterpart. */
type Mapper<E extends AnyEvent> = (data: DataOf<E>) => { type: WebhookEventType; data: ProjectData | MemberData | SubscriptionData } | null;
type Source = { event: AnyEvent; map: (data: Record<string, unknown>) => ReturnType<Mapper<AnyEvent>> };

const on = <E extends AnyEvent>(event: E, map: Mapper<E>): Source => ({ event, map: map as Source["map"] });

const project = (p: DataOf<typeof projectChanged>["project"]): ProjectData => ({
  id: p.id,
  name: p.name,
  description: p.description,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/**
 * Billing's `billing/subscription.updated` data as the public `subscription.updated` event. When billing's event
 * lands in jobs/events.ts, publishing it is one line in `webhookSources`:
 * `on(subscriptionUpdated, (d) => ({ type: "subscription.updated", data: subscriptionData(d) })),`
 */
export const subscriptionData = (d: { plan: string; status: string; seats: number; currentPeriodEnd: string | Date | null; cancelAtPeriodEnd: boolean }): SubscriptionData => ({
  plan: d.plan,
  status: d.status,
  seats: d.seats,
  currentPeriodEnd: d.currentPeriodEnd === null ? null : new Date(d.currentPeriodEnd).toISOString(),
  cancelAtPeriodEnd: d.cancelAtPeriodEnd,
});

/** The internal events that become webhooks, and how. The fan-out job is triggered by exactly these. */
export const webhookSources: Source[] = [
  on(projectChanged, (d) => ({ type: `project.${d.change}`, data: project(d.project) })),
  on(memberChanged, (d) => ({
    type: `member.${d.change}`,
    data: { userId: d.member.userId, email: d.member.email, name: d.member.name, role: d.member.role, previousRole: d.previousRole },
  })),
  on(subscriptionUpdated, (d) => ({ type: "subscription.updated", data: subscriptionData(d) })),
];

/**
 * The public event for an internal one (`name`, `data` as sent through the outbox), or null when `name` is not
 * published. The payload is serialized once, here; every attempt and replay sends these very bytes.
 */
export function toWebhookEvent(name: string, data: Record<string, unknown>, orgId: string, at: Date): { type: WebhookEventType; payload: string } | null {
  const source = webhookSources.find((s) => s.event.name === name);
  const mapped = source?.map(data);
  if (!mapped) return null;
  const payload: WebhookPayload = { type: mapped.type, timestamp: at.toISOString(), organizationId: orgId, data: mapped.data };
  return { type: mapped.type, payload: JSON.stringify(payload) };
}

/** The `webhook-id` of every delivery of one event: the same across endpoints, attempts and replays. */
export function messageIdFor(eventId: string): string {
  return `msg_${eventId.replaceAll("-", "")}`;
}

/** The payload of a test message sent from the settings page. */
export function testEventPayload(orgId: string, endpointId: string, at: Date): string {
  const payload: WebhookPayload = {
    type: TEST_EVENT_TYPE,
    timestamp: at.toISOString(),
    organizationId: orgId,
    data: { endpointId, message: "A test event from Keel. If you can read this, your endpoint works." },
  };
  return JSON.stringify(payload);
}
