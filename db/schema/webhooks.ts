import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./orgs";
import { orgIdColumn, tenantPolicy } from "./tenancy";

// An organization's receiver of outgoing webhooks. The signing secret has to be readable to sign with, so it is
// stored as is (RLS keeps it to its organization) and never shown again after creation or rotation.
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    eventTypes: text("event_types").array().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    // Why it is off: turned off by a person ("manual") or by Keel after failing for days ("failing").
    disabledReason: text("disabled_reason", { enum: ["manual", "failing"] }),
    secret: text("secret").notNull(),
    // After a rotation the old secret keeps signing (a second signature) until it expires.
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    // Start of the current streak of failed attempts; NULL once an attempt succeeds.
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_org_id_created_at_idx").on(t.orgId, t.createdAt), tenantPolicy(t.orgId)],
);

/** Where a delivery stands: waiting for its first attempt, between retries, delivered, or given up on. */
export const deliveryStatuses = ["pending", "retrying", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

// One event (or test message) for one endpoint: the exact bytes sent, so a replay is the same message.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    // The internal event it came from (outbox id), or a fresh id for a test message.
    eventId: text("event_id").notNull(),
    // The `webhook-id` header: the same on every attempt and replay, for the receiver's de-duplication.
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    // Bumped by a replay: a run of an older generation stops instead of delivering twice.
    generation: integer("generation").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One delivery per endpoint per event, whatever retries the fan-out goes through.
    uniqueIndex("webhook_deliveries_org_id_endpoint_id_event_id_key").on(t.orgId, t.endpointId, t.eventId),
    index("webhook_deliveries_org_id_endpoint_id_created_at_idx").on(t.orgId, t.endpointId, t.createdAt),
    tenantPolicy(t.orgId),
  ],
);

// Every HTTP attempt of a delivery: the delivery log.
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    generation: integer("generation").notNull(),
    attempt: integer("attempt").notNull(),
    // NULL when no response came (timeout, refused connection, blocked address).
    statusCode: integer("status_code"),
    succeeded: boolean("succeeded").notNull(),
    error: text("error"),
    responseExcerpt: text("response_excerpt").notNull().default(""),
    durationMs: integer("duration_ms").notNull(),
    nextRetryAt: timestamp("next_retry_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A step that runs twice records its attempt once.
    uniqueIndex("webhook_attempts_org_id_delivery_id_generation_attempt_key").on(t.orgId, t.deliveryId, t.generation, t.attempt),
    tenantPolicy(t.orgId),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type NewWebhookEndpoint = typeof webhookEndpoints.$inferInsert;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
