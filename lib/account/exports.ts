import { findAccountExport, listAccountExports, type AccountExportSummary } from "@/db/queries/account";
import type { AccountExport } from "@/db/schema";
import { withUser } from "@/db/tenant";
import { exportStatus } from "./export-status";

/** The person's latest exports, newest first, without their payloads (the data page). */
export function listExports(userId: string): Promise<AccountExportSummary[]> {
  return withUser(userId, (tx) => listAccountExports(tx, userId));
}

/** One of the person's exports if it can be downloaded now (ready, with a payload, not expired); null otherwise. */
export async function findDownloadableExport(userId: string, exportId: string): Promise<AccountExport | null> {
  const found = await withUser(userId, (tx) => findAccountExport(tx, userId, exportId));
  return found?.payload && exportStatus(found) === "ready" ? found : null;
}
