import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "./client";
import { memberships, organizations, projects } from "./schema";
import { withSystem, withTenant, withUser } from "./tenant";
import { createOrgWithOwner } from "@/test/fixtures";

type Setting = { org_id: string | null; user_id: string | null; role: string };
const readContext = sql`select current_setting('app.org_id', true) as org_id, current_setting('app.user_id', true) as user_id, current_user as role`;

describe("withTenant", () => {
  let a: Awaited<ReturnType<typeof createOrgWithOwner>>;
  let b: Awaited<ReturnType<typeof createOrgWithOwner>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([createOrgWithOwner("a"), createOrgWithOwner("b")]);
    await withSystem("test setup", (tx) =>
      tx.insert(projects).values([
        { orgId: a.org.id, name: "A1" },
        { orgId: b.org.id, name: "B1" },
      ]),
    );
  });
  afterAll(closeDatabase);

  it("runs the first statement already as app_user with both settings", async () => {
    const [row] = await withTenant({ orgId: a.org.id, userId: a.user.id }, (tx) => tx.execute<Setting>(readContext));
    expect(row).toEqual({ org_id: a.org.id, user_id: a.user.id, role: "app_user" });
  });

  it("confines queries to the organization without any where clause", async () => {
    const rows = await withTenant({ orgId: a.org.id, userId: a.user.id }, (tx) => tx.select().from(projects));
    expect(rows.map((p) => p.name)).toEqual(["A1"]);
  });

  it("leaves a pooled connection clean after the transaction", async () => {
    await withTenant({ orgId: a.org.id, userId: a.user.id }, (tx) => tx.select().from(projects));
    // More statements than the pool has connections, so every pooled connection answers at least once.
    const rows = await Promise.all(Array.from({ length: 25 }, () => db.execute<Setting>(readContext)));
    for (const [row] of rows) expect(row?.role).not.toBe("app_user");
    for (const [row] of rows) expect(row?.org_id || null).toBeNull();
  });

  it("rolls back everything when fn throws", async () => {
    await expect(
      withTenant({ orgId: a.org.id, userId: a.user.id }, async (tx) => {
        await tx.insert(projects).values({ orgId: a.org.id, name: "doomed" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const names = await withTenant({ orgId: a.org.id, userId: a.user.id }, (tx) => tx.select({ name: projects.name }).from(projects));
    expect(names.map((n) => n.name)).not.toContain("doomed");
  });

  it("rolls back a nested transaction (a savepoint) alone", async () => {
    const names = await withTenant({ orgId: a.org.id, userId: a.user.id }, async (tx) => {
      await tx.insert(projects).values({ orgId: a.org.id, name: "kept" });
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(projects).values({ orgId: a.org.id, name: "undone" });
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
      return (await tx.select({ name: projects.name }).from(projects)).map((p) => p.name);
    });
    expect(names).toContain("kept");
    expect(names).not.toContain("undone");
  });

  it("refuses ids that are not UUIDs, so nothing but a UUID reaches the context", async () => {
    await expect(withTenant({ orgId: a.org.id, userId: "x', true), set_config('role', 'postgres" }, (tx) => tx.select().from(projects))).rejects.toThrow("not a UUID");
  });

  it("rejects a malformed organization id before any data is read", async () => {
    await expect(withTenant({ orgId: "not-a-uuid", userId: a.user.id }, (tx) => tx.select().from(projects))).rejects.toThrow();
  });

  it("withUser shows a person their own memberships and organizations, and no tenant data", async () => {
    const seen = await withUser(a.user.id, async (tx) => ({
      orgs: (await tx.select({ id: organizations.id }).from(organizations)).map((o) => o.id),
      memberships: (await tx.select({ orgId: memberships.orgId }).from(memberships)).map((m) => m.orgId),
      projects: await tx.select().from(projects),
    }));
    expect(seen).toEqual({ orgs: [a.org.id], memberships: [a.org.id], projects: [] });
  });

  it("keeps withTenant to its organization even for a member of several", async () => {
    await withSystem("test setup", (tx) => tx.insert(memberships).values({ orgId: b.org.id, userId: a.user.id, role: "member" }));
    const seen = await withTenant({ orgId: a.org.id, userId: a.user.id }, async (tx) => ({
      orgs: (await tx.select({ id: organizations.id }).from(organizations)).map((o) => o.id),
      memberships: [...new Set((await tx.select({ orgId: memberships.orgId }).from(memberships)).map((m) => m.orgId))],
    }));
    expect(seen).toEqual({ orgs: [a.org.id], memberships: [a.org.id] });
  });

  it("withSystem sees every organization", async () => {
    const rows = await withSystem("test: cross-tenant read", (tx) => tx.select({ orgId: projects.orgId }).from(projects));
    const orgs = new Set(rows.map((r) => r.orgId));
    expect(orgs.has(a.org.id) && orgs.has(b.org.id)).toBe(true);
  });
});
