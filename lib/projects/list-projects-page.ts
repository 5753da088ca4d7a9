import { listProjectsPage as listProjectsPageRows } from "@/db/queries/projects";
import type { Tx } from "@/db/tenant";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";

/** One page of the organization's projects, newest first, and the cursor of the next (inside withTenant). */
export async function listProjectsPage(tx: Tx, page: { limit: number; cursor?: string }) {
  const { projects, next } = await listProjectsPageRows(tx, { limit: page.limit, cursor: decodeCursor(page.cursor) });
  return { projects, nextCursor: encodeCursor(next) };
}
