import { sql, type SQL } from "drizzle-orm";
import { pgPolicy, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/** The organization of the current `withTenant` transaction; NULL (matching no row) outside one. */
export const currentOrgId: SQL = sql`nullif(current_setting('app.org_id', true), '')::uuid`;

/** The user of the current `withTenant` transaction; NULL outside one. */
export const currentUserId: SQL = sql`nullif(current_setting('app.user_id', true), '')::uuid`;

/** The `org_id` column every tenant table carries. */
export const orgIdColumn = () => uuid("org_id").notNull();

/**
 * The row-level policy of a tenant table: rows of the current organization only, for reads and writes alike.
 * A table using it must also be listed in a migration that forces RLS and grants to `app_user`
 * (the catalog test fails until it is).
 */
export const tenantPolicy = (orgId: AnyPgColumn) =>
  pgPolicy("tenant_isolation", {
    for: "all",
    using: sql`${orgId} = ${currentOrgId}`,
    withCheck: sql`${orgId} = ${currentOrgId}`,
  });

/** Rows of the person of the current `withUser` transaction: `userId` is theirs and no organization is set. */
export const ownRow = (userId: AnyPgColumn): SQL => sql`${currentOrgId} is null and ${userId} = ${currentUserId}`;

/**
 * The row-level policy of a table of a person's own rows (their sessions, their exports): inside `withUser` the
 * person reads and writes their rows and no one else's; inside `withTenant` no row is visible at all. A table using
 * it is forced under RLS and granted to `app_user` in a migration, like a tenant table.
 */
export const personPolicy = (userId: AnyPgColumn) => pgPolicy("person_isolation", { for: "all", using: ownRow(userId), withCheck: ownRow(userId) });
