import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "./client";
import { tenantTables } from "./rls-catalog";
import { withSystem, withTenant } from "./tenant";
import { createOrgWithOwner, createOutsider, tenantRowFactories, type Scope } from "@/test/fixtures";

type Org = Awaited<ReturnType<typeof createOrgWithOwner>>;

const countFor = (table: string, orgId: string) =>
  withSystem("test: count rows", async (tx) => {
    const [row] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`);
    return row!.n;
  });

// The catalog decides which tables are checked: a new tenant table is covered without editing this file.
const tables = await withSystem("test: list tenant tables", tenantTables);

describe.each(tables)("cross-tenant isolation of %s", (table) => {
  let a: Org;
  let b: Org;
  let bRows: number;
  let outsiderId: string;
  const scope = (org: Org, userId = org.user.id): Scope => ({ orgId: org.org.id, userId, outsiderId });
  const asA = <T,>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant({ orgId: a.org.id, userId: a.user.id }, fn);
  const id = sql.identifier(table);

  beforeAll(async () => {
    const factory = tenantRowFactories[table];
    if (!factory) throw new Error(`add a row factory for tenant table "${table}" to test/fixtures.ts`);
    [a, b, outsiderId] = await Promise.all([createOrgWithOwner("a"), createOrgWithOwner("b"), createOutsider()]);
    await withTenant({ orgId: a.org.id, userId: a.user.id }, (tx) => factory(tx, scope(a)));
    await withTenant({ orgId: b.org.id, userId: b.user.id }, (tx) => factory(tx, scope(b)));
    bRows = await countFor(table, b.org.id);
    expect(bRows).toBeGreaterThan(0);
  });
  afterAll(closeDatabase);

  it("shows org A only its own rows", async () => {
    const rows = await asA((tx) => tx.execute<{ org_id: string }>(sql`select org_id from ${id}`));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.org_id === a.org.id)).toBe(true);
    const [hidden] = await asA((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from ${id} where org_id = ${b.org.id}`));
    expect(hidden!.n).toBe(0);
  });

  it("leaves org B's rows untouched by org A's update and delete", async () => {
    // A table the application may not update or delete (audit_logs) refuses outright; either way B keeps its rows.
    const update = await asA((tx) => tx.execute(sql`update ${id} set org_id = org_id where org_id = ${b.org.id}`)).catch((e: unknown) => e);
    const del = await asA((tx) => tx.execute(sql`delete from ${id} where org_id = ${b.org.id}`)).catch((e: unknown) => e);
    for (const outcome of [update, del]) {
      if (outcome instanceof Error) expect(pgCode(outcome)).toBe("42501");
      else expect((outcome as { count: number }).count).toBe(0);
    }
    expect(await countFor(table, b.org.id)).toBe(bRows);
  });

  it("refuses org A's insert of a row into org B", async () => {
    const factory = tenantRowFactories[table]!;
    const error = await asA((tx) => factory(tx, scope(b, a.user.id))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(pgCode(error as Error)).toBe("42501");
    expect(await countFor(table, b.org.id)).toBe(bRows);
  });

  it("refuses org A moving its own row into org B", async () => {
    const outcome = await asA((tx) => tx.execute(sql`update ${id} set org_id = ${b.org.id} where org_id = ${a.org.id}`)).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Error);
    expect(pgCode(outcome as Error)).toBe("42501");
  });
});

/** Postgres' SQLSTATE, found on the error or (drizzle wraps driver errors) on its cause. */
function pgCode(err: Error): string | undefined {
  return (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code;
}
