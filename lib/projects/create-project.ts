import { z } from "zod";
import { insertProject } from "@/db/queries/projects";
import type { Project } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWithinLimit } from "@/lib/billing/limits";
import { enqueueProjectChanged } from "./enqueue-project-changed";
import { projectDescriptionSchema, projectNameSchema } from "./schemas";

export const createProjectSchema = z.object({
  name: projectNameSchema,
  description: projectDescriptionSchema.default(""),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/** Creates a project in the caller's organization, within its plan's project limit; audited, with a `created` event. */
export async function createProject(tx: Tx, ctx: TenantContext, input: CreateProjectInput): Promise<Project> {
  // Locks the organization's row: a concurrent create waits until this transaction ends, so counts never race.
  await assertWithinLimit(tx, ctx.orgId, "projects");

  const project = await insertProject(tx, { orgId: ctx.orgId, name: input.name, description: input.description, createdBy: ctx.userId });
  await recordAudit(tx, ctx.orgId, { action: "project.created", actorId: ctx.userId, target: { type: "project", id: project.id }, metadata: { name: project.name } });
  await enqueueProjectChanged(tx, ctx, project, "created");
  return project;
}
