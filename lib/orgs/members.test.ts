import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, memberships, users } from "@/db/schema";
import { withSystem, withTenant, type Tx } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import { AppError } from "@/lib/errors";
import { changeMemberRole } from "./change-member-role";
import { changeOrgSlug } from "./change-org-slug";
import { leaveOrg } from "./leave-org";
import { findOrgContext, type OrgContext } from "./membership";
import { removeMember } from "./remove-member";
import { renameOrg } from "./rename-org";
import { transferOwnership } from "./transfer-ownership";
import type { OrgRole } from "@/db/schema";
import { withOutbox } from "@/lib/outbox";

afterAll(closeDatabase);

async function addMember(orgId: string, role: OrgRole, label: string = role) {
  return withSystem("test setup", async (tx) => {
    const [user] = await tx.insert(users).values({ email: `${label}-${crypto.randomUUID()}@example.test`, name: label }).returning();
    await tx.insert(memberships).values({ orgId, userId: user!.id, role });
    return user!;
  });
}

async function ctx(userId: string, slug: string): Promise<OrgContext> {
  const org = await findOrgContext(userId, slug);
  if (!org) throw new Error("not a member");
  return org;
}

/** Runs an operation as an org action does: one unit of work, the operation inside the caller's transaction. */
const asRequest = <T>(org: OrgContext, op: (tx: Tx, org: OrgContext) => Promise<T>) =>
  withOutbox(() => withTenant({ orgId: org.orgId, userId: org.userId }, (tx) => op(tx, org)));

const roleOf = (orgId: string, userId: string) =>
  withSystem("test: read role", async (tx) => {
    const [row] = await tx.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
    return row?.role ?? null;
  });

async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
}

describe("the last owner", () => {
  it("cannot leave, demote themselves, or be removed", async () => {
    const { org, user: owner } = await createOrgWithOwner("last-owner");
    const admin = await addMember(org.id, "admin");
    const ownerCtx = await ctx(owner.id, org.slug);

    await expectAppError(asRequest(ownerCtx, leaveOrg), "conflict", /at least one owner/);
    await expectAppError(asRequest(ownerCtx, (tx, o) => changeMemberRole(tx, o, { userId: owner.id, role: "admin" })), "conflict", /at least one owner/);
    // An admin may not touch an owner at all; the owner is still there afterwards.
    await expectAppError(asRequest(await ctx(admin.id, org.slug), (tx, o) => removeMember(tx, o, { userId: owner.id })), "forbidden");
    expect(await roleOf(org.id, owner.id)).toBe("owner");
  });

  it("holds when two owners demote each other at the same time", async () => {
    const { org, user: a } = await createOrgWithOwner("owner-race");
    const b = await addMember(org.id, "owner", "second-owner");
    const [ctxA, ctxB] = [await ctx(a.id, org.slug), await ctx(b.id, org.slug)];
    const results = await Promise.allSettled([
      asRequest(ctxA, (tx, o) => changeMemberRole(tx, o, { userId: b.id, role: "member" })),
      asRequest(ctxB, (tx, o) => changeMemberRole(tx, o, { userId: a.id, role: "member" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await withSystem("test", (tx) => tx.select().from(memberships).where(eq(memberships.orgId, org.id)));
    expect(owners.filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it("can leave once someone else is an owner", async () => {
    const { org, user: owner } = await createOrgWithOwner("leave-ok");
    const next = await addMember(org.id, "member");
    await asRequest(await ctx(owner.id, org.slug), (tx, o) => transferOwnership(tx, o, { userId: next.id, demoteSelf: false }));
    await asRequest(await ctx(owner.id, org.slug), leaveOrg);
    expect(await findOrgContext(owner.id, org.slug)).toBeNull();
    expect((await ctx(next.id, org.slug)).role).toBe("owner");
  });
});

describe("transfer ownership", () => {
  it("makes another member owner and can demote the previous owner to admin, with an audit entry", async () => {
    const { org, user: owner } = await createOrgWithOwner("transfer");
    const member = await addMember(org.id, "member");
    await asRequest(await ctx(owner.id, org.slug), (tx, o) => transferOwnership(tx, o, { userId: member.id, demoteSelf: true }));
    expect((await ctx(member.id, org.slug)).role).toBe("owner");
    expect((await ctx(owner.id, org.slug)).role).toBe("admin");
    const audit = await withTenant({ orgId: org.id, userId: owner.id }, (tx) => tx.select().from(auditLogs).where(eq(auditLogs.action, "org.ownership_transferred")));
    expect(audit).toHaveLength(1);
  });

  it("is refused to admins", async () => {
    const { org } = await createOrgWithOwner("transfer-admin");
    const admin = await addMember(org.id, "admin");
    const member = await addMember(org.id, "member");
    await expectAppError(asRequest(await ctx(admin.id, org.slug), (tx, o) => transferOwnership(tx, o, { userId: member.id, demoteSelf: false })), "forbidden");
  });
});

describe("role changes", () => {
  it("invalidate the cached membership, so the next findOrgContext sees the new role", async () => {
    const { org, user: owner } = await createOrgWithOwner("role-cache");
    const member = await addMember(org.id, "member");
    expect((await ctx(member.id, org.slug)).role).toBe("member"); // warm the cache
    await asRequest(await ctx(owner.id, org.slug), (tx, o) => changeMemberRole(tx, o, { userId: member.id, role: "admin" }));
    expect((await findOrgContext(member.id, org.slug))?.role).toBe("admin");
  });

  it("are refused to members, and admins cannot make owners", async () => {
    const { org } = await createOrgWithOwner("role-forbidden");
    const admin = await addMember(org.id, "admin");
    const member = await addMember(org.id, "member");
    await expectAppError(asRequest(await ctx(member.id, org.slug), (tx, o) => changeMemberRole(tx, o, { userId: admin.id, role: "member" })), "forbidden");
    await expectAppError(asRequest(await ctx(admin.id, org.slug), (tx, o) => changeMemberRole(tx, o, { userId: member.id, role: "owner" })), "forbidden");
    expect(await roleOf(org.id, member.id)).toBe("member");
  });

  it("removal takes effect on the next resolution even with a warm cache", async () => {
    const { org, user: owner } = await createOrgWithOwner("remove-cache");
    const member = await addMember(org.id, "member");
    await ctx(member.id, org.slug);
    await asRequest(await ctx(owner.id, org.slug), (tx, o) => removeMember(tx, o, { userId: member.id }));
    expect(await findOrgContext(member.id, org.slug)).toBeNull();
  });
});

describe("outside a unit of work", () => {
  it("an operation that drops cached memberships refuses to run, and its change is rolled back", async () => {
    const { org, user: owner } = await createOrgWithOwner("no-unit");
    const member = await addMember(org.id, "member");
    const ownerCtx = await ctx(owner.id, org.slug);
    const err = await withTenant({ orgId: org.id, userId: owner.id }, (tx) => changeMemberRole(tx, ownerCtx, { userId: member.id, role: "admin" })).catch((e: unknown) => e);
    expect(String(err)).toMatch(/unit of work/);
    expect(await roleOf(org.id, member.id)).toBe("member");
  });
});

describe("organization settings", () => {
  it("a rename and an address change reach every member's warm cache", async () => {
    const { org, user: owner } = await createOrgWithOwner("settings-cache");
    const member = await addMember(org.id, "member");
    expect((await ctx(member.id, org.slug)).name).not.toBe("Renamed"); // warm the cache
    await asRequest(await ctx(owner.id, org.slug), (tx, o) => renameOrg(tx, o, { name: "Renamed" }));
    expect((await ctx(member.id, org.slug)).name).toBe("Renamed");

    const slug = `moved-${crypto.randomUUID().slice(0, 8)}`;
    await asRequest(await ctx(owner.id, org.slug), (tx, o) => changeOrgSlug(tx, o, { slug }));
    expect(await findOrgContext(member.id, org.slug)).toBeNull();
    expect((await ctx(member.id, slug)).orgId).toBe(org.id);
  });

  it("an address that is taken is refused and nothing moves", async () => {
    const { org, user: owner } = await createOrgWithOwner("slug-taken");
    const { org: other } = await createOrgWithOwner("slug-holder");
    await expectAppError(asRequest(await ctx(owner.id, org.slug), (tx, o) => changeOrgSlug(tx, o, { slug: other.slug })), "conflict", /taken/);
    expect((await ctx(owner.id, org.slug)).orgId).toBe(org.id);
  });
});

describe("org resolution", () => {
  it("gives a non-member null for another organization", async () => {
    const { org } = await createOrgWithOwner("private");
    const { user: stranger } = await createOrgWithOwner("stranger");
    expect(await findOrgContext(stranger.id, org.slug)).toBeNull();
  });
});
