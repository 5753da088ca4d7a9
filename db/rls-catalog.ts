import { sql } from "drizzle-orm";
import type { Tx } from "./tenant";

/** Tables in `public` that carry an `org_id` column: the tenant tables, as the catalog (not the schema code) says. */
export async function tenantTables(tx: Tx): Promise<string[]> {
  const rows = await tx.execute<{ table: string }>(sql`
    select c.relname as table
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`);
  return rows.map((r) => r.table);
}

/** Tables of a person's own rows: no `org_id`, and a policy on `app.user_id` (read from the catalog). */
export async function personTables(tx: Tx): Promise<string[]> {
  const rows = await tx.execute<{ table: string }>(sql`
    select distinct c.relname as table
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_policy p on p.polrelid = c.oid
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
      and coalesce(pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)) like '%current_setting(''app.user_id''%'
    order by c.relname`);
  return rows.map((r) => r.table);
}

/**
 * Every way the database falls short of "tenant isolation by construction", one sentence each:
 * a tenant table without enabled-and-forced RLS, without a policy on `app.org_id`, without an index leading
 * with `org_id`, or out of `app_user`'s reach; a person's own table not forced or out of reach; and an `app_user` role that could log in, bypass RLS or own objects.
 */
export async function findRlsViolations(tx: Tx): Promise<string[]> {
  const problems: string[] = [];
  const tables = await tx.execute<{
    table: string;
    enabled: boolean;
    forced: boolean;
    policies: number;
    org_policies: number;
    org_index: boolean;
    app_user_can_select: boolean;
  }>(sql`
    select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
      (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
      (select count(*)::int from pg_policy p where p.polrelid = c.oid
        and pg_get_expr(p.polqual, p.polrelid) like '%current_setting(''app.org_id''%') as org_policies,
      exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum) as org_index,
      coalesce(has_table_privilege('app_user', c.oid, 'select'), false) as app_user_can_select
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`);
  for (const t of tables) {
    if (!t.enabled) problems.push(`${t.table}: row-level security is not enabled`);
    if (!t.forced) problems.push(`${t.table}: row-level security is not forced`);
    if (t.policies === 0) problems.push(`${t.table}: has no policy`);
    else if (t.org_policies === 0) problems.push(`${t.table}: no policy filters on current_setting('app.org_id')`);
    if (!t.org_index) problems.push(`${t.table}: no index leads with org_id`);
    if (!t.app_user_can_select) problems.push(`${t.table}: app_user cannot read it (grant it in the table's migration)`);
  }

  // A person's own tables (no org_id, a policy on app.user_id: sessions, exports, two-factor rows) must be forced
  // and reachable by app_user like tenant tables, or withUser would either fail or go around the policy.
  // (users grants app_user its public columns one by one, hence "any column".)
  const personal = await tx.execute<{ table: string; enabled: boolean; forced: boolean; app_user_can_select: boolean }>(sql`
    select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
      coalesce(has_any_column_privilege('app_user', c.oid, 'select'), false) as app_user_can_select
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
      and exists (select 1 from pg_policy p where p.polrelid = c.oid
        and coalesce(pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)) like '%current_setting(''app.user_id''%')
    order by c.relname`);
  for (const t of personal) {
    if (!t.enabled) problems.push(`${t.table}: row-level security is not enabled`);
    if (!t.forced) problems.push(`${t.table}: row-level security is not forced`);
    if (!t.app_user_can_select) problems.push(`${t.table}: app_user cannot read it (grant it in the table's migration)`);
  }

  const [role] = await tx.execute<{ exists: boolean; login: boolean; bypass: boolean; superuser: boolean; owned: number }>(sql`
    select count(r.oid) > 0 as exists, coalesce(bool_or(r.rolcanlogin), false) as login,
      coalesce(bool_or(r.rolbypassrls), false) as bypass, coalesce(bool_or(r.rolsuper), false) as superuser,
      (select count(*)::int from pg_class c join pg_roles o on o.oid = c.relowner where o.rolname = 'app_user') as owned
    from pg_roles r where r.rolname = 'app_user'`);
  if (!role?.exists) problems.push("app_user: role does not exist");
  if (role?.login) problems.push("app_user: can log in");
  if (role?.bypass) problems.push("app_user: has BYPASSRLS");
  if (role?.superuser) problems.push("app_user: is a superuser");
  if (role?.owned) problems.push(`app_user: owns ${role.owned} relation(s), and owners can disable RLS`);
  return problems;
}
