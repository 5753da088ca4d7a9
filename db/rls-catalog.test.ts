import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "./client";
import { findRlsViolations, personTables, tenantTables } from "./rls-catalog";
import { withSystem } from "./tenant";

class Rollback extends Error {}

describe("row-level security catalog", () => {
  afterAll(closeDatabase);

  it("finds the tenant tables in the catalog", async () => {
    const tables = await withSystem("test: catalog", tenantTables);
    expect(tables).toEqual(expect.arrayContaining(["memberships", "invitations", "projects", "audit_logs", "outbox_events", "webhook_endpoints", "webhook_deliveries", "webhook_attempts"]));
  });

  it("finds a person's own tables in the catalog", async () => {
    const tables = await withSystem("test: catalog", personTables);
    expect(tables).toEqual(expect.arrayContaining(["sessions", "account_exports", "two_factor_secrets", "recovery_codes", "trusted_devices"]));
  });

  it("has every org_id table forced under RLS with an org policy and index, and a powerless app_user", async () => {
    expect(await withSystem("test: catalog", findRlsViolations)).toEqual([]);
  });

  it("forces RLS on organizations, which is keyed by id rather than org_id", async () => {
    const [row] = await withSystem("test: catalog", (tx) =>
      tx.execute<{ forced: boolean }>(sql`select relforcerowsecurity as forced from pg_class where oid = 'public.organizations'::regclass`),
    );
    expect(row?.forced).toBe(true);
  });

  it("flags a new org_id table that forgot RLS (the check is not vacuous)", async () => {
    let found: string[] = [];
    await expect(
      withSystem("test: catalog negative control", async (tx) => {
        await tx.execute(sql`create table forgotten_things (id uuid primary key, org_id uuid not null)`);
        found = await findRlsViolations(tx);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(found).toEqual(
      expect.arrayContaining([
        "forgotten_things: row-level security is not enabled",
        "forgotten_things: row-level security is not forced",
        "forgotten_things: has no policy",
        "forgotten_things: no index leads with org_id",
      ]),
    );
  });

  it("flags a person's table that is not forced or granted (the check is not vacuous)", async () => {
    let found: string[] = [];
    await expect(
      withSystem("test: catalog negative control", async (tx) => {
        await tx.execute(sql`create table forgotten_rows (id uuid primary key, user_id uuid not null)`);
        await tx.execute(sql`alter table forgotten_rows enable row level security`);
        await tx.execute(sql`create policy own on forgotten_rows using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)`);
        found = await findRlsViolations(tx);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(found).toEqual(expect.arrayContaining(["forgotten_rows: row-level security is not forced", "forgotten_rows: app_user cannot read it (grant it in the table's migration)"]));
  });
});
