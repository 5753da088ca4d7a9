import { z } from "zod";
import { countProjects, insertProject, lockOrgForUpdate } from "@/db/queries/projects";
import type { Project } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enqueueProjectChanged } from "./enqueue-project-changed";
import { planById } from "@/lib/plans";
import { projectDescriptionSchema, projectNameSchema } from "./schemas";

export const createProjectSchema = z.object({
  name: projectNameSchema,
  description: projectDescriptionSchema.default(""),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/** Creates a project in the caller's organization, within its plan's project limit; audited, with a `created` event. */
export async function createProject(tx: Tx, ctx: TenantContext, input: CreateProjectInput): Promise<Project> {
  // The lock makes count-then-insert safe: a concurrent create waits here until this transaction ends.
  const org = await lockOrgForUpdate(tx, ctx.orgId);
  if (!org) throw new AppError("not_found", "Not found.");
  const plan = planById(org.plan);
  const limit = plan.limits.projects;
  if (limit !== null && (await countProjects(tx)) >= limit) {
    throw new AppError("conflict", `The ${plan.name} plan includes ${limit} projects. Delete one or upgrade to add more.`);
  }

  const project = await insertProject(tx, { orgId: ctx.orgId, name: input.name, description: input.description, createdBy: ctx.userId });
  await recordAudit(tx, ctx.orgId, { action: "project.created", actorId: ctx.userId, target: { type: "project", id: project.id }, metadata: { name: project.name } });
  await enqueueProjectChanged(tx, ctx, project, "created");
  return project;
}
