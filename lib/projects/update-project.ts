import { z } from "zod";
import { updateProjectRow } from "@/db/queries/projects";
import type { Project } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enqueueProjectChanged } from "./enqueue-project-changed";
import { projectDescriptionSchema, projectIdSchema, projectNameSchema } from "./schemas";

export const updateProjectSchema = z.object({
  projectId: projectIdSchema,
  name: projectNameSchema.optional(),
  description: projectDescriptionSchema.optional(),
});
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

/** Renames or re-describes a project of the caller's organization; audited, with an `updated` event. */
export async function updateProject(tx: Tx, ctx: TenantContext, input: UpdateProjectInput): Promise<Project> {
  const { projectId, ...values } = input;
  const project = await updateProjectRow(tx, projectId, values);
  if (!project) throw new AppError("not_found", "That project doesn't exist (it may have been deleted).");
  await recordAudit(tx, ctx.orgId, { action: "project.updated", actorId: ctx.userId, target: { type: "project", id: project.id }, metadata: { name: project.name, changed: Object.keys(values) } });
  await enqueueProjectChanged(tx, ctx, project, "updated");
  return project;
}
