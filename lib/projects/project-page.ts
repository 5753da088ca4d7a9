import { listAuditEntries, type AuditEntryRow } from "@/db/queries/audit";
import type { Project } from "@/db/schema";
import type { Tx } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { getProject } from "./get-project";

/** How many of a project's audit entries its page shows. */
export const PROJECT_ACTIVITY_LIMIT = 20;

/**
 * A project's page (inside withTenant): the project and its latest activity from the audit log, newest first.
 * Null for a malformed id, another organization's project or none (the page answers 404).
 */
export async function loadProjectPage(tx: Tx, projectId: string): Promise<{ project: Project; activity: AuditEntryRow[] } | null> {
  let project: Project;
  try {
    project = await getProject(tx, projectId);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
  const { entries } = await listAuditEntries(tx, { target: { type: "project", id: project.id } }, { offset: 0, limit: PROJECT_ACTIVITY_LIMIT });
  return { project, activity: entries };
}
