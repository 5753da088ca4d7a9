import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { findAccountExport } from "@/db/queries/account";
import { outboxEvents, users } from "@/db/schema";
import { withSystem, withTenant, withUser } from "@/db/tenant";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { requestAccountExport } from "@/lib/account/request-export";
import { createProject } from "@/lib/projects/create-project";
import { exportAccountData } from "./export-account-data";

afterAll(closeDatabase);

describe("export-account-data", () => {
  it("writes the person's profile, memberships, sessions, audit entries and projects, without tokens or password hash", async () => {
    const { org, user } = await createOrgWithOwner("export");
    const token = `secret-token-${randomBytes(8).toString("hex")}`;
    await withSystem("test: password", (tx) => tx.update(users).set({ passwordHash: "$argon2id$secret-hash" }).where(eq(users.id, user.id)));
    await createSession(user.id, { token, userAgent: "Firefox" });
    const ctx = { orgId: org.id, userId: user.id };
    const project = await withTenant(ctx, (tx) => createProject(tx, ctx, { name: "Exported project", description: "" }));

    const requested = await requestAccountExport(user.id);
    expect(requested.status).toBe("pending");
    // Asking again while it is being prepared returns the same export.
    expect((await requestAccountExport(user.id)).id).toBe(requested.id);
    const [event] = await withSystem("test: outbox", (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.name, "account/export.requested")));
    expect(event).toBeDefined();

    const t = new InngestTestEngine({
      function: exportAccountData,
      events: [{ name: "account/export.requested", data: { orgId: null, actorId: user.id, requestId: "req-export", userId: user.id, exportId: requested.id } }],
    });
    const { result } = await t.execute();
    expect(result).toMatchObject({ status: "ready" });

    const stored = await withUser(user.id, (tx) => findAccountExport(tx, user.id, requested.id));
    expect(stored?.status).toBe("ready");
    const payload = stored!.payload as Record<string, unknown>;
    expect(payload).toMatchObject({
      profile: { id: user.id, email: user.email },
      memberships: [{ orgId: org.id, orgName: org.name, role: "owner" }],
      sessions: [expect.objectContaining({ userAgent: "Firefox" })],
      projectsCreated: [expect.objectContaining({ id: project.id, name: "Exported project" })],
    });
    expect((payload.auditEntries as { action: string }[]).map((a) => a.action)).toEqual(expect.arrayContaining(["project.created", "account.export_requested"]));
    const text = JSON.stringify(payload);
    expect(text).not.toContain(token);
    expect(text).not.toContain("secret-hash");
    expect(text).not.toMatch(/sessionToken|passwordHash|password_hash/);
  });
});
