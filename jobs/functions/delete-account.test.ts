import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, memberships, organizations, sessions, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { requestAccountDeletion } from "@/lib/account/delete-account";
import { AppError } from "@/lib/errors";
import { deleteAccount } from "./delete-account";

afterAll(closeDatabase);

const run = (userId: string) =>
  new InngestTestEngine({
    function: deleteAccount,
    events: [{ name: "account/deletion.requested", data: { orgId: null, actorId: userId, requestId: "req-delete-account", userId } }],
  }).execute();

const exists = (table: typeof users | typeof organizations, id: string) =>
  withSystem("test: exists", async (tx) => (await tx.select({ id: table.id }).from(table).where(eq(table.id, id))).length > 0);

async function addMember(orgId: string, role: "owner" | "member" = "member") {
  const { user } = await createOrgWithOwner("extra");
  await withSystem("test: add member", (tx) => tx.insert(memberships).values({ orgId, userId: user.id, role }));
  return user;
}

describe("delete account", () => {
  it("is refused while the person is the only owner of an organization with other members, naming it", async () => {
    const { org, user } = await createOrgWithOwner("del-blocked");
    await addMember(org.id);
    const attempt = requestAccountDeletion({ id: user.id, email: user.email }, { confirmEmail: user.email.toUpperCase() });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(org.name) });

    // A second owner lifts the block.
    await addMember(org.id, "owner");
    await expect(requestAccountDeletion({ id: user.id, email: user.email }, { confirmEmail: user.email })).resolves.toBeUndefined();
  });

  it("requires the person's own email to confirm", async () => {
    const { user } = await createOrgWithOwner("del-confirm");
    await expect(requestAccountDeletion({ id: user.id, email: user.email }, { confirmEmail: "someone@else.test" })).rejects.toMatchObject({
      code: "validation_error",
      options: { fields: { confirmEmail: ["That isn't your email address."] } },
    });
  });

  it("deletes organizations only they belong to, then the user with their sessions; shared organizations stay; running twice is harmless", async () => {
    const { org: solo, user } = await createOrgWithOwner("del-solo");
    const { org: shared } = await createOrgWithOwner("del-shared");
    await withSystem("test: join shared", (tx) => tx.insert(memberships).values({ orgId: shared.id, userId: user.id, role: "member" }));
    await createSession(user.id);

    const { result } = await run(user.id);
    expect(result).toMatchObject({ status: "deleted", orgsDeleted: [solo.slug] });
    expect(await exists(users, user.id)).toBe(false);
    expect(await exists(organizations, solo.id)).toBe(false);
    expect(await exists(organizations, shared.id)).toBe(true);
    const left = await withSystem("test: sessions", (tx) => tx.select().from(sessions).where(eq(sessions.userId, user.id)));
    expect(left).toEqual([]);
    const audit = await withSystem("test: audit", (tx) => tx.select().from(auditLogs).where(eq(auditLogs.targetId, user.id)));
    expect(audit.filter((a) => a.action === "account.deleted")).toHaveLength(1);

    const again = await run(user.id);
    expect(again.result).toMatchObject({ status: "already-deleted" });
  });

  it("stops without deleting when someone joined an organization only they own since the request", async () => {
    const { org, user } = await createOrgWithOwner("del-late");
    await addMember(org.id);
    const { result } = await run(user.id);
    expect(result).toMatchObject({ status: "blocked", orgs: [org.slug] });
    expect(await exists(users, user.id)).toBe(true);
    expect(await exists(organizations, org.id)).toBe(true);
  });
});
