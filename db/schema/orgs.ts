import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { currentOrgId, currentUserId, orgIdColumn, tenantPolicy } from "./tenancy";

export const orgRole = pgEnum("org_role", ["owner", "admin", "member"]);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    plan: text("plan").notNull().default("free"),
    // A plan given by staff without payment (admin console). Entitlements grant the better of it and what billing
    // grants; the billing sync never writes it, so a later Stripe subscription cannot silently erase it.
    compPlan: text("comp_plan"),
    // Owners can require two-factor authentication: members without it are sent to set it up.
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An organization row is itself tenant data: inside withTenant only the current one is visible.
    pgPolicy("tenant_isolation", { for: "all", using: sql`${t.id} = ${currentOrgId}`, withCheck: sql`${t.id} = ${currentOrgId}` }),
    // Inside withUser (no organization set) a person sees the organizations they belong to, for the switcher.
    pgPolicy("member_read", {
      for: "select",
      using: sql`${currentOrgId} is null and exists (select 1 from memberships m where m.org_id = ${t.id} and m.user_id = ${currentUserId})`,
    }),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: orgRole("role").notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_org_id_user_id_key").on(t.orgId, t.userId),
    index("memberships_user_id_idx").on(t.userId),
    tenantPolicy(t.orgId),
    // Inside withUser (no organization set) a person reads their own memberships, to resolve /{orgSlug}.
    // Inside withTenant it stays off, so a tenant query never sees another organization's row.
    pgPolicy("self_read", { for: "select", using: sql`${currentOrgId} is null and ${t.userId} = ${currentUserId}` }),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: orgRole("role").notNull().default("member"),
    // SHA-256 of the token mailed to the invitee; the token itself is never stored.
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitations_org_id_email_idx").on(t.orgId, t.email), index("invitations_expires_at_idx").on(t.expiresAt), tenantPolicy(t.orgId)],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type OrgRole = (typeof orgRole.enumValues)[number];
export type Invitation = typeof invitations.$inferSelect;
