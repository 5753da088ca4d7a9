import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./orgs";
import { orgIdColumn, tenantPolicy } from "./tenancy";

// An organization's key for the public API. Only the SHA-256 of the secret is stored; `prefix` is the part shown
// in lists (`keel_live_AbC1…`) so a person can tell keys apart.
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    // The key acts on behalf of the person who made it (audit entries, created_by of what it creates).
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("api_keys_key_hash_key").on(t.keyHash), index("api_keys_org_id_created_at_idx").on(t.orgId, t.createdAt), tenantPolicy(t.orgId)],
);

// The first response to a POST carrying an `Idempotency-Key`, replayed to retries for 24 hours. `caller` is the API
// key or person who sent it: two callers never share a key space.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    caller: text("caller").notNull(),
    key: text("key").notNull(),
    // SHA-256 of method, path and body: the same key with another request is refused (422).
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    body: text("body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("idempotency_keys_org_id_caller_key_key").on(t.orgId, t.caller, t.key),
    index("idempotency_keys_org_id_created_at_idx").on(t.orgId, t.createdAt),
    tenantPolicy(t.orgId),
  ],
);

// Metered usage per organization and UTC day, counted in Redis and written here by the flush-usage job.
export const usageDaily = pgTable(
  "usage_daily",
  {
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    metric: text("metric", { enum: ["api_requests"] }).notNull(),
    count: integer("count").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day, t.metric] }), tenantPolicy(t.orgId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type UsageDaily = typeof usageDaily.$inferSelect;
