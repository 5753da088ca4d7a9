import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { listProjects } from "@/db/queries/projects";
import { auditLogs, organizations, outboxEvents, projects } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createProject, createProjectSchema } from "./create-project";
import { deleteProject } from "./delete-project";
import { loadProjectPage } from "./project-page";
import { updateProject, updateProjectSchema } from "./update-project";

afterAll(closeDatabase);

async function tenant(label: string) {
  const { org, user } = await createOrgWithOwner(label);
  return { org, user, ctx: { orgId: org.id, userId: user.id } };
}

/** The audit entries and outbox events written about a project, read around RLS. */
function trail(projectId: string) {
  return withSystem("test: read audit and outbox", async (tx) => ({
    audit: await tx.select().from(auditLogs).where(eq(auditLogs.targetId, projectId)),
    events: (await tx.select().from(outboxEvents).where(eq(outboxEvents.name, "org/project.changed"))).filter((e) => e.data.projectId === projectId),
  }));
}

describe("project operations", () => {
  it("create writes the project, an audit entry and a project.changed event", async () => {
    const { ctx, user } = await tenant("proj-create");
    const project = await withTenant(ctx, (tx) => createProject(tx, ctx, { name: "Website", description: "Marketing site" }));
    expect(project).toMatchObject({ orgId: ctx.orgId, name: "Website", description: "Marketing site", createdBy: user.id });

    const { audit, events } = await trail(project.id);
    expect(audit).toEqual([expect.objectContaining({ orgId: ctx.orgId, action: "project.created", actorId: user.id, targetType: "project" })]);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ orgId: ctx.orgId, actorId: user.id, projectId: project.id, change: "created" });
  });

  it("writes nothing (no project, no audit entry, no event) when the transaction rolls back", async () => {
    const { ctx } = await tenant("proj-rollback");
    let id = "";
    await expect(
      withTenant(ctx, async (tx) => {
        id = (await createProject(tx, ctx, { name: "Doomed", description: "" })).id;
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    const { audit, events } = await trail(id);
    expect(audit).toEqual([]);
    expect(events).toEqual([]);
    expect(await withTenant(ctx, (tx) => listProjects(tx))).toEqual([]);
  });

  it("update and delete are audited with events, and delete removes the project", async () => {
    const { ctx } = await tenant("proj-update");
    const project = await withTenant(ctx, (tx) => createProject(tx, ctx, { name: "Old", description: "" }));
    const updated = await withTenant(ctx, (tx) => updateProject(tx, ctx, { projectId: project.id, name: "New", description: "Now described" }));
    expect(updated).toMatchObject({ id: project.id, name: "New", description: "Now described" });

    await withTenant(ctx, (tx) => deleteProject(tx, ctx, { projectId: project.id }));
    expect(await withTenant(ctx, (tx) => listProjects(tx))).toEqual([]);

    const { audit, events } = await trail(project.id);
    expect(audit.map((a) => a.action).sort()).toEqual(["project.created", "project.deleted", "project.updated"]);
    expect(audit.find((a) => a.action === "project.deleted")?.metadata).toMatchObject({ name: "New" });
    expect(audit.find((a) => a.action === "project.updated")?.metadata).toMatchObject({
      changes: { name: { from: "Old", to: "New" }, description: { from: "", to: "Now described" } },
    });
    expect(events.map((e) => e.data.change).sort()).toEqual(["created", "deleted", "updated"]);
  });

  it("a project's page shows its activity, newest first, and nothing for another organization's project", async () => {
    const a = await tenant("proj-page-a");
    const b = await tenant("proj-page-b");
    const project = await withTenant(a.ctx, (tx) => createProject(tx, a.ctx, { name: "Plan", description: "" }));
    await withTenant(a.ctx, (tx) => updateProject(tx, a.ctx, { projectId: project.id, name: "Plan B" }));
    const page = await withTenant(a.ctx, (tx) => loadProjectPage(tx, project.id));
    expect(page?.project.name).toBe("Plan B");
    expect(page?.activity.map((e) => e.action)).toEqual(["project.updated", "project.created"]);
    expect(await withTenant(b.ctx, (tx) => loadProjectPage(tx, project.id))).toBeNull();
    expect(await withTenant(a.ctx, (tx) => loadProjectPage(tx, "not-a-uuid"))).toBeNull();
  });

  it("cannot update or delete another organization's project: not_found", async () => {
    const a = await tenant("proj-a");
    const b = await tenant("proj-b");
    const theirs = await withTenant(b.ctx, (tx) => createProject(tx, b.ctx, { name: "Theirs", description: "" }));
    await expect(withTenant(a.ctx, (tx) => updateProject(tx, a.ctx, { projectId: theirs.id, name: "Mine now" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(withTenant(a.ctx, (tx) => deleteProject(tx, a.ctx, { projectId: theirs.id }))).rejects.toMatchObject({ code: "not_found" });
    const [still] = await withSystem("test: read", (tx) => tx.select().from(projects).where(eq(projects.id, theirs.id)));
    expect(still?.name).toBe("Theirs");
  });

  it("refuses a project beyond the plan's limit with a conflict, even for concurrent requests", async () => {
    const { ctx } = await tenant("proj-limit"); // Free plan: 3 projects
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => withTenant(ctx, (tx) => createProject(tx, ctx, { name: `P${i}`, description: "" }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as AppError);
    expect(refused).toHaveLength(3);
    for (const err of refused) {
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("conflict");
      expect(err.message).toMatch(/Free plan includes 3 projects/);
    }
    expect(await withTenant(ctx, (tx) => listProjects(tx))).toHaveLength(3);
  });

  it("a paid plan has no project limit", async () => {
    const { ctx } = await tenant("proj-pro");
    await withSystem("test: upgrade", (tx) => tx.update(organizations).set({ plan: "pro" }).where(and(eq(organizations.id, ctx.orgId))));
    for (let i = 0; i < 4; i++) await withTenant(ctx, (tx) => createProject(tx, ctx, { name: `P${i}`, description: "" }));
    expect(await withTenant(ctx, (tx) => listProjects(tx))).toHaveLength(4);
  });

  it("reports invalid input as field errors", () => {
    const err = (() => {
      try {
        parseInput(createProjectSchema, { name: "   ", description: "x".repeat(501) });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.code).toBe("validation_error");
    expect(err?.options.fields).toMatchObject({ name: ["Give the project a name."], description: ["At most 500 characters."] });
    expect(() => parseInput(updateProjectSchema, { projectId: "nope", name: "x" })).toThrow(AppError);
  });
});
