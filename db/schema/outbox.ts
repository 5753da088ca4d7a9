import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { tenantPolicy } from "./tenancy";

// Events written in the same transaction as the business change that caused them (transactional outbox).
// The row id is the Inngest event id, so a resend after a crash is de-duplicated by Inngest.
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // NULL for events outside any organization (a welcome email); such rows are written and relayed by the system.
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_events_org_id_created_at_idx").on(t.orgId, t.createdAt),
    index("outbox_events_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null`),
    tenantPolicy(t.orgId),
  ],
);

export type OutboxEvent = typeof outboxEvents.$inferSelect;
export type NewOutboxEvent = typeof outboxEvents.$inferInsert;
