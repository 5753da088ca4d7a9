import { sql } from "drizzle-orm";
import { db } from "../client";

/** Whether the database answers a trivial query (a public query: /api/health is open to anyone). */
export async function pingDatabase(): Promise<void> {
  await db.execute(sql`select 1`);
}
