import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, invitations, memberships, outboxEvents, users } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import { AppError } from "@/lib/errors";
import { acceptInvitation, declineInvitation, type Invitee } from "./accept-invitation";
import { findInvitationByToken } from "./invitation-by-token";
import { inviteMember } from "./invite-member";
import { findOrgContext, type OrgContext } from "./membership";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";

afterAll(closeDatabase);

const sender = { name: "Olivia Owner", origin: "http://localhost:3000" };

async function setup(label: string) {
  const { org, user } = await createOrgWithOwner(label);
  const ctx = (await findOrgContext(user.id, org.slug)) as OrgContext;
  return { org, owner: user, ctx };
}

async function newUser(email: string, verified = true): Promise<Invitee> {
  const [user] = await withSystem("test setup", (tx) =>
    tx.insert(users).values({ email, name: "Invitee", emailVerified: verified ? new Date() : null }).returning(),
  );
  return { id: user!.id, email: user!.email, emailVerified: verified };
}

const invite = (ctx: OrgContext, email: string, role: "member" | "admin" | "owner" = "member") =>
  withTenant({ orgId: ctx.orgId, userId: ctx.userId }, (tx) => inviteMember(tx, ctx, { email, role }, sender));

async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const uniqueEmail = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.test`;

describe("inviting", () => {
  it("stores only the token hash and queues the invitation email with the link in the same transaction", async () => {
    const { ctx } = await setup("invite");
    const email = uniqueEmail("new");
    const { invitation, token } = await invite(ctx, email, "admin");
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const events = await withSystem("test", (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.orgId, ctx.orgId)));
    const mail = events.find((e) => e.name === "email/send.requested");
    expect(JSON.stringify(mail?.data)).toContain(`http://localhost:3000/invitations/${token}`);
    expect(JSON.stringify(mail?.data)).toContain(email);
  });

  it("refuses owners from admins, duplicates, and members without the permission", async () => {
    const { ctx } = await setup("invite-rules");
    expect((await appError(invite({ ...ctx, role: "admin" }, uniqueEmail("x"), "owner"))).code).toBe("forbidden");
    expect((await appError(invite({ ...ctx, role: "member" }, uniqueEmail("x")))).code).toBe("forbidden");
    const email = uniqueEmail("dup");
    await invite(ctx, email);
    expect((await appError(invite(ctx, email.toUpperCase()))).code).toBe("conflict");
  });
});

describe("accepting", () => {
  it("lets an existing user join with the invited role, once", async () => {
    const { ctx } = await setup("accept-existing");
    const { user: existing } = await createOrgWithOwner("elsewhere");
    await withSystem("test", (tx) => tx.update(users).set({ emailVerified: new Date() }).where(eq(users.id, existing.id)));
    const { token } = await invite(ctx, existing.email, "admin");
    const invitee = { id: existing.id, email: existing.email, emailVerified: true };

    expect(await acceptInvitation(invitee, token)).toMatchObject({ orgSlug: ctx.slug });
    expect((await findOrgContext(existing.id, ctx.slug))?.role).toBe("admin");
    const audit = await withTenant({ orgId: ctx.orgId, userId: ctx.userId }, (tx) => tx.select().from(auditLogs).where(eq(auditLogs.action, "invitation.accepted")));
    expect(audit).toHaveLength(1);

    const again = await appError(acceptInvitation(invitee, token));
    expect(again.code).toBe("conflict");
    expect(again.message).toMatch(/already been used/);
  });

  it("lets a freshly signed-up user join", async () => {
    const { ctx } = await setup("accept-fresh");
    const email = uniqueEmail("fresh");
    const { token } = await invite(ctx, email);
    const invitee = await newUser(email);
    expect(await findOrgContext(invitee.id, ctx.slug)).toBeNull(); // warm the cache with "not a member"
    await acceptInvitation(invitee, token);
    expect((await findOrgContext(invitee.id, ctx.slug))?.role).toBe("member");
  });

  it("is single-use when accepts race", async () => {
    const { ctx } = await setup("accept-race");
    const email = uniqueEmail("race");
    const { token } = await invite(ctx, email);
    const invitee = await newUser(email);
    const results = await Promise.allSettled([acceptInvitation(invitee, token), acceptInvitation(invitee, token), acceptInvitation(invitee, token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rows = await withSystem("test", (tx) => tx.select().from(memberships).where(eq(memberships.userId, invitee.id)));
    expect(rows).toHaveLength(1);
  });

  it("fails clearly when expired, revoked, invalid, or for another account", async () => {
    const { ctx } = await setup("accept-fail");
    const email = uniqueEmail("bob");
    const invitee = await newUser(email);

    const expired = await invite(ctx, email);
    await withSystem("test: expire", (tx) => tx.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitation.id)));
    expect((await findInvitationByToken(expired.token))?.status).toBe("expired");
    const e1 = await appError(acceptInvitation(invitee, expired.token));
    expect([e1.code, e1.message]).toEqual(["conflict", "This invitation has expired. Ask for a new one."]);

    const revoked = await invite(ctx, email);
    await withTenant({ orgId: ctx.orgId, userId: ctx.userId }, (tx) => revokeInvitation(tx, ctx, { invitationId: revoked.invitation.id }));
    const e2 = await appError(acceptInvitation(invitee, revoked.token));
    expect(e2.message).toMatch(/revoked/);

    const e3 = await appError(acceptInvitation(invitee, "x".repeat(43)));
    expect([e3.code, e3.message]).toEqual(["not_found", "This invitation link is not valid."]);

    const other = await newUser(uniqueEmail("mallory"));
    const wrong = await invite(ctx, uniqueEmail("alice"));
    const e4 = await appError(acceptInvitation(other, wrong.token));
    expect(e4.code).toBe("forbidden");
    expect(e4.message).toMatch(/^This invitation was sent to a\*\*\*@example\.test; you're signed in as mallory-/);
    expect(await findOrgContext(other.id, ctx.slug)).toBeNull();
  });

  it("resend replaces the link; decline stops it", async () => {
    const { ctx } = await setup("resend");
    const email = uniqueEmail("carol");
    const invitee = await newUser(email);
    const first = await invite(ctx, email);
    const second = await withTenant({ orgId: ctx.orgId, userId: ctx.userId }, (tx) => resendInvitation(tx, ctx, { invitationId: first.invitation.id }, sender));
    expect((await appError(acceptInvitation(invitee, first.token))).message).toBe("This invitation link is not valid.");
    await declineInvitation(invitee, second.token);
    expect((await findInvitationByToken(second.token))?.status).toBe("revoked");
    expect(await findOrgContext(invitee.id, ctx.slug)).toBeNull();
  });
});
