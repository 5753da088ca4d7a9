// withUser is the door to a person's own rows (sessions, exports, their profile): the policies let a person reach
// theirs and nobody else's, and tenant transactions reach none of them.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { closeDatabase } from "./client";
import { insertAccountExport, listAccountExports } from "./queries/account";
import { accountExports, auditLogs, sessions, users } from "./schema";
import { withSystem, withTenant, withUser } from "./tenant";

type Org = Awaited<ReturnType<typeof createOrgWithOwner>>;
const pgCode = (err: unknown) => (err as { code?: string }).code ?? ((err as Error).cause as { code?: string } | undefined)?.code;

describe("a person's own rows", () => {
  let a: Org;
  let b: Org;
  beforeAll(async () => {
    [a, b] = await Promise.all([createOrgWithOwner("self-a"), createOrgWithOwner("self-b")]);
    await Promise.all([createSession(a.user.id), createSession(b.user.id)]);
    const expiresAt = new Date(Date.now() + 86_400_000);
    await withUser(a.user.id, (tx) => insertAccountExport(tx, { userId: a.user.id, expiresAt }));
    await withUser(b.user.id, (tx) => insertAccountExport(tx, { userId: b.user.id, expiresAt }));
  });
  afterAll(closeDatabase);

  it("shows a person their sessions and exports, and nobody else's", async () => {
    const seen = await withUser(a.user.id, async (tx) => ({
      sessions: [...new Set((await tx.select({ userId: sessions.userId }).from(sessions)).map((s) => s.userId))],
      exports: (await listAccountExports(tx, b.user.id)).length,
    }));
    // Even asked for b's exports by id, the policy hands over none.
    expect(seen).toEqual({ sessions: [a.user.id], exports: 0 });
  });

  it("lets a person change their own profile only", async () => {
    await withUser(a.user.id, (tx) => tx.update(users).set({ name: "Renamed A" }).where(eq(users.id, a.user.id)));
    const other = await withUser(a.user.id, (tx) => tx.update(users).set({ name: "Hijacked" }).where(eq(users.id, b.user.id)).returning({ id: users.id }));
    expect(other).toEqual([]);
    const names = await withSystem("test: read names", (tx) => tx.select({ id: users.id, name: users.name }).from(users).where(sql`${users.id} in (${a.user.id}, ${b.user.id})`));
    expect(Object.fromEntries(names.map((n) => [n.id, n.name]))).toEqual({ [a.user.id]: "Renamed A", [b.user.id]: b.user.name });
  });

  it("never lets app_user read a password hash or promote itself", async () => {
    const read = await withUser(a.user.id, (tx) => tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, a.user.id))).catch((e: unknown) => e);
    expect(pgCode(read)).toBe("42501");
    const promote = await withUser(a.user.id, (tx) => tx.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, a.user.id))).catch((e: unknown) => e);
    expect(pgCode(promote)).toBe("42501");
  });

  it("refuses writing a session or an export for someone else", async () => {
    const session = await withUser(a.user.id, (tx) =>
      tx.insert(sessions).values({ sessionToken: `forged-${Date.now()}`, userId: b.user.id, expires: new Date(Date.now() + 60_000) }),
    ).catch((e: unknown) => e);
    expect(pgCode(session)).toBe("42501");
    const exported = await withUser(a.user.id, (tx) => tx.insert(accountExports).values({ userId: b.user.id, expiresAt: new Date() })).catch((e: unknown) => e);
    expect(pgCode(exported)).toBe("42501");
  });

  it("records account-level audit entries as their own actor only", async () => {
    await withUser(a.user.id, (tx) => tx.insert(auditLogs).values({ orgId: null, actorId: a.user.id, action: "test.own" }));
    const forged = await withUser(a.user.id, (tx) => tx.insert(auditLogs).values({ orgId: null, actorId: b.user.id, action: "test.forged" })).catch((e: unknown) => e);
    expect(pgCode(forged)).toBe("42501");
  });

  it("keeps every person's rows out of tenant transactions", async () => {
    const seen = await withTenant({ orgId: a.org.id, userId: a.user.id }, async (tx) => ({
      sessions: (await tx.select().from(sessions)).length,
      exports: (await tx.select().from(accountExports)).length,
    }));
    expect(seen).toEqual({ sessions: 0, exports: 0 });
  });
});
