// The public event types and what each means, alone in a module without imports: the endpoint form (a client
// component) lists them, and importing the catalog would ship zod and the job events to the browser (and zod's
// eval probe there trips the Content Security Policy).

/** Every event type an endpoint can subscribe to, with what a person choosing them reads. */
export const webhookEventTypes = {
  "project.created": "A project was created.",
  "project.updated": "A project was renamed or its description changed.",
  "project.deleted": "A project was deleted.",
  "member.added": "Someone joined the organization.",
  "member.removed": "A member was removed or left.",
  "member.role_changed": "A member's role changed.",
  "subscription.updated": "The organization's plan, seats or billing status changed.",
} as const;

export type WebhookEventType = keyof typeof webhookEventTypes;
