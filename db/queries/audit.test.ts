import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner, createOutsider } from "@/test/fixtures";
import { AUDIT_PAGE_SIZE, parseAuditSearch, toAuditFilter } from "@/lib/audit/audit-filter";
import { listAuditActions, listAuditActors, listAuditEntries } from "./audit";

afterAll(closeDatabase);

describe("audit log queries", () => {
  it("filters by action, actor and date range, pages 25 at a time, and sees only the organization's entries", async () => {
    const { org, user } = await createOrgWithOwner("audit-q");
    const other = await createOrgWithOwner("audit-other");
    const helper = await createOutsider();
    const day = (d: number, h = 12) => new Date(Date.UTC(2030, 0, d, h));
    await withSystem("test: audit rows", async (tx) => {
      const rows = Array.from({ length: 30 }, (_, i) => ({ orgId: org.id, actorId: user.id, action: "project.created", createdAt: day(1, 0), targetId: `p${i}` }));
      await tx.insert(auditLogs).values([
        ...rows.map((r, i) => ({ ...r, createdAt: new Date(day(1, 0).getTime() + i * 60_000) })),
        { orgId: org.id, actorId: helper, action: "project.deleted", createdAt: day(5) },
        { orgId: org.id, actorId: user.id, action: "member.invited", createdAt: day(9) },
        { orgId: other.org.id, actorId: other.user.id, action: "project.deleted", createdAt: day(5) },
      ]);
    });
    const ctx = { orgId: org.id, userId: user.id };
    const q = (params: Record<string, string>) => {
      const search = parseAuditSearch(params);
      return withTenant(ctx, (tx) => listAuditEntries(tx, toAuditFilter(search, 3650), { offset: (search.page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }));
    };

    const first = await q({});
    expect(first.entries).toHaveLength(25);
    expect(first.hasMore).toBe(true);
    expect(first.entries[0]!.action).toBe("member.invited"); // newest first
    const second = await q({ page: "2" });
    expect(second.entries).toHaveLength(7);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(32);

    // The plan's retention hides older entries, even when "from" asks for them.
    const retained = (params: Record<string, string>) =>
      withTenant(ctx, (tx) => listAuditEntries(tx, toAuditFilter(parseAuditSearch(params), 7, day(10).getTime()), { offset: 0, limit: AUDIT_PAGE_SIZE }));
    expect((await retained({})).entries.map((e) => e.action)).toEqual(["member.invited", "project.deleted"]);
    expect((await retained({ from: "2030-01-01" })).entries).toHaveLength(2);

    const deleted = await q({ action: "project.deleted" });
    expect(deleted.entries.map((e) => e.actor?.id)).toEqual([helper]); // not the other organization's entry

    expect((await q({ actor: helper })).entries.map((e) => e.action)).toEqual(["project.deleted"]);
    // "to" is inclusive of its whole day, "from" starts at midnight UTC.
    expect((await q({ from: "2030-01-05", to: "2030-01-05" })).entries.map((e) => e.action)).toEqual(["project.deleted"]);
    expect((await q({ from: "2030-01-02" })).entries.map((e) => e.action)).toEqual(["member.invited", "project.deleted"]);
    expect((await q({ to: "2030-01-01" })).entries).toHaveLength(25);
    // Malformed filters are ignored rather than failing the page.
    expect((await q({ actor: "not-a-uuid", from: "yesterday", page: "-3" })).entries).toHaveLength(25);

    const [actions, actors] = await withTenant(ctx, async (tx) => [await listAuditActions(tx), await listAuditActors(tx)] as const);
    expect(actions).toEqual(["member.invited", "project.created", "project.deleted"]);
    expect(actors.map((a) => a.id).sort()).toEqual([user.id, helper].sort());
  });
});
