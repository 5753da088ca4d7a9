import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./orgs";
import { orgIdColumn, tenantPolicy } from "./tenancy";

// The platform's feature flags, one row per key of the code's registry (lib/flags/registry.ts), created the first
// time a snapshot is built. Written only by the admin console; read by everyone through the cached snapshot.
export const featureFlags = pgTable(
  "feature_flags",
  {
    key: text("key").primaryKey(),
    description: text("description").notNull().default(""),
    // What an organization gets when no override, plan gate or rollout decides otherwise.
    defaultEnabled: boolean("default_enabled").notNull().default(false),
    // Share of organizations (by a stable hash of flag and organization) that get it on top of the default.
    rolloutPercent: integer("rollout_percent").notNull().default(0),
    // Plans the flag is limited to; empty: every plan.
    plans: text("plans").array().notNull().default(sql`'{}'::text[]`),
    // Bumped on every edit of the flag or one of its overrides: the admin form's guard against a lost update.
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("feature_flags_rollout_percent_range", sql`${t.rolloutPercent} between 0 and 100`)],
);

// One organization's override of a flag: it beats the plan gate, the rollout and the default. Keyed by the flag's
// key without a foreign key, so this tenant table never needs app_user to reach the platform table; the admin action
// only writes keys of the registry.
export const featureFlagOverrides = pgTable(
  "feature_flag_overrides",
  {
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    flagKey: text("flag_key").notNull(),
    enabled: boolean("enabled").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.flagKey] }), index("feature_flag_overrides_flag_key_idx").on(t.flagKey), tenantPolicy(t.orgId)],
);

export type FeatureFlag = typeof featureFlags.$inferSelect;
export type FeatureFlagOverride = typeof featureFlagOverrides.$inferSelect;
