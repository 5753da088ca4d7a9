import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, memberships, organizations, projects } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import { captureLogs } from "@/lib/log";
import { findOrgContext } from "@/lib/orgs/membership";
import { deleteOrg } from "./delete-org";

describe("delete-org", () => {
  afterAll(closeDatabase);

  const event = (orgId: string, actorId: string, slug: string) => ({
    name: "org/deletion.requested" as const,
    data: { orgId, actorId, slug, requestId: "test-request" },
  });

  it("deletes the organization and its data, notes it, and forgets members' cached memberships", async () => {
    const { org, user } = await createOrgWithOwner("doomed");
    await withSystem("test setup", (tx) => tx.insert(projects).values({ orgId: org.id, name: "P", createdBy: user.id }));
    expect(await findOrgContext(user.id, org.slug)).not.toBeNull(); // warm the cache

    const lines: Array<Record<string, unknown>> = [];
    const stop = captureLogs((line) => lines.push(line));
    const { result } = await new InngestTestEngine({ function: deleteOrg, events: [event(org.id, user.id, org.slug)] }).execute();
    stop();
    expect(result).toEqual({ deleted: true, members: 1 });
    // All of it in the organization's own tenant context (and the note in the requester's): never as the system.
    expect(lines.filter((l) => l.msg === "system database access")).toEqual([]);

    const left = await withSystem("test: what is left", async (tx) => ({
      org: await tx.select().from(organizations).where(eq(organizations.id, org.id)),
      members: await tx.select().from(memberships).where(eq(memberships.orgId, org.id)),
      projects: await tx.select().from(projects).where(eq(projects.orgId, org.id)),
      note: await tx.select().from(auditLogs).where(and(eq(auditLogs.action, "org.deleted"), eq(auditLogs.targetId, org.id))),
    }));
    expect(left.org).toHaveLength(0);
    expect(left.members).toHaveLength(0);
    expect(left.projects).toHaveLength(0);
    expect(left.note).toHaveLength(1);
    expect(await findOrgContext(user.id, org.slug)).toBeNull();
  });

  it("is harmless when run again for an organization already gone", async () => {
    const { org, user } = await createOrgWithOwner("gone");
    await new InngestTestEngine({ function: deleteOrg, events: [event(org.id, user.id, org.slug)] }).execute();
    const { result } = await new InngestTestEngine({ function: deleteOrg, events: [event(org.id, user.id, org.slug)] }).execute();
    expect(result).toEqual({ deleted: false, members: 0 });
  });
});
