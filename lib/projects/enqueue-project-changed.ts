import type { Project } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { projectChanged } from "@/jobs/events";
import { enqueue } from "@/lib/outbox";

/** Writes a project's change event, carrying the project as it is in this transaction, into the outbox. */
export function enqueueProjectChanged(tx: Tx, ctx: TenantContext, project: Project, change: "created" | "updated" | "deleted") {
  const { id, name, description, createdAt, updatedAt } = project;
  return enqueue(tx, projectChanged, {
    orgId: ctx.orgId,
    actorId: ctx.userId,
    projectId: id,
    change,
    project: { id, name, description, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() },
  });
}
