import { z } from "zod";
import { findProject, updateProjectRow } from "@/db/queries/projects";
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

/**
 * Renames or re-describes a project of the caller's organization; audited with each changed field's old and new
 * value (the project's activity and the audit log show them), with an `updated` event.
 */
export async function updateProject(tx: Tx, ctx: TenantContext, input: UpdateProjectInput): Promise<Project> {
  const { projectId, ...values } = input;
  const before = await findProject(tx, projectId);
  const project = before ? await updateProjectRow(tx, projectId, values) : null;
  if (!before || !project) throw new AppError("not_found", "That project doesn't exist (it may have been deleted).");
  const changes = Object.fromEntries(
    (["name", "description"] as const).filter((f) => values[f] !== undefined && before[f] !== project[f]).map((f) => [f, { from: before[f], to: project[f] }]),
  );
  await recordAudit(tx, ctx.orgId, {
    action: "project.updated",
    actorId: ctx.userId,
    target: { type: "project", id: project.id },
    metadata: { name: project.name, changed: Object.keys(changes), changes },
  });
  await enqueueProjectChanged(tx, ctx, project, "updated");
  return project;
}
