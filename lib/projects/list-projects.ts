import { listProjects as listProjectRows } from "@/db/queries/projects";
import type { Project } from "@/db/schema";
import type { Tx } from "@/db/tenant";

/** The organization's projects, newest first (inside withTenant: RLS scopes them). */
export function listProjects(tx: Tx): Promise<Project[]> {
  return listProjectRows(tx);
}
