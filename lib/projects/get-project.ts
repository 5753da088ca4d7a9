import { findProject } from "@/db/queries/projects";
import type { Project } from "@/db/schema";
import type { Tx } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { projectIdSchema } from "./schemas";

/** One project of the caller's organization; not_found for a malformed id, another tenant's project or none. */
export async function getProject(tx: Tx, projectId: string): Promise<Project> {
  const id = projectIdSchema.safeParse(projectId);
  const project = id.success ? await findProject(tx, id.data) : null;
  if (!project) throw new AppError("not_found", "Not found.");
  return project;
}
