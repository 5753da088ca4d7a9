import { sql } from "drizzle-orm";
import { index, jsonb, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./orgs";
import { ownRow, tenantPolicy } from "./tenancy";

// Append-only record of security-relevant actions. Rows outlive the user who acted (actor set null).
// Account-level actions (sign-in, password change) have no organization: their org_id is NULL, so no tenant sees them.
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_logs_org_id_created_at_idx").on(t.orgId, t.createdAt),
    index("audit_logs_org_id_action_idx").on(t.orgId, t.action),
    tenantPolicy(t.orgId),
    // Inside withUser a person records their own account-level entries (no organization); they never read them back.
    pgPolicy("account_insert", { for: "insert", withCheck: sql`${t.orgId} is null and ${ownRow(t.actorId)}` }),
  ],
);

export type AuditLog = typeof auditLogs.$inferSelect;
export type NewAuditLog = typeof auditLogs.$inferInsert;
