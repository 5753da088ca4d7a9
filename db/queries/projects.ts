import { count, desc, eq, sql } from "drizzle-orm";
import { projects, type NewProject, type Project } from "../schema";
import type { Tx } from "../tenant";
import { keysetOf, olderThan, type Keyset } from "./keyset";

/** The organization's projects, newest first (run inside withTenant: RLS scopes them). */
export function listProjects(tx: Tx): Promise<Project[]> {
  return tx.select().from(projects).orderBy(desc(projects.createdAt), desc(projects.id));
}

/**
 * One page of the organization's projects, newest first, after `cursor` (run inside withTenant). `next` is the
 * keyset to continue from, null on the last page.
 */
export async function listProjectsPage(tx: Tx, page: { limit: number; cursor?: Keyset }): Promise<{ projects: Project[]; next: Keyset | null }> {
  const rows = await tx
    .select({ project: projects, ts: keysetOf(projects.createdAt) })
    .from(projects)
    .where(page.cursor ? olderThan(projects.createdAt, projects.id, page.cursor) : undefined)
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  const last = kept.at(-1);
  return { projects: kept.map((r) => r.project), next: more && last ? { ts: last.ts, id: last.project.id } : null };
}

/** One project of the current organization, or null. */
export async function findProject(tx: Tx, id: string): Promise<Project | null> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id));
  return row ?? null;
}

/** How many projects the current organization has. */
export async function countProjects(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(projects);
  return row?.n ?? 0;
}

/** Inserts a project and returns it. */
export async function insertProject(tx: Tx, row: NewProject): Promise<Project> {
  const [created] = await tx.insert(projects).values(row).returning();
  return created!;
}

/** Changes a project's name and/or description; returns it, or null when it does not exist (in this organization). */
export async function updateProjectRow(tx: Tx, id: string, values: { name?: string; description?: string }): Promise<Project | null> {
  const [row] = await tx
    .update(projects)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(projects.id, id))
    .returning();
  return row ?? null;
}

/** Deletes a project; returns it, or null when it does not exist (in this organization). */
export async function deleteProjectRow(tx: Tx, id: string): Promise<Project | null> {
  const [row] = await tx.delete(projects).where(eq(projects.id, id)).returning();
  return row ?? null;
}
