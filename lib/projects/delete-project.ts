import { z } from "zod";
import { deleteProjectRow } from "@/db/queries/projects";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enqueueProjectChanged } from "./enqueue-project-changed";
import { projectIdSchema } from "./schemas";

export const deleteProjectSchema = z.object({ projectId: projectIdSchema });
export type DeleteProjectInput = z.infer<typeof deleteProjectSchema>;

/** Deletes a project of the caller's organization; audited (with its name, which outlives it), with a `deleted` event. */
export async function deleteProject(tx: Tx, ctx: TenantContext, input: DeleteProjectInput): Promise<{ id: string }> {
  const project = await deleteProjectRow(tx, input.projectId);
  if (!project) throw new AppError("not_found", "That project doesn't exist (it may have been deleted already).");
  await recordAudit(tx, ctx.orgId, { action: "project.deleted", actorId: ctx.userId, target: { type: "project", id: project.id }, metadata: { name: project.name } });
  await enqueueProjectChanged(tx, ctx, project, "deleted");
  return { id: project.id };
}
