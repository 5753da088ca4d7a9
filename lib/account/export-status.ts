import type { AccountExportSummary } from "@/db/queries/account";

/** What a person sees of an export: its stored status, or "expired" once its download window has passed. */
export function exportStatus(e: Pick<AccountExportSummary, "status" | "expiresAt">, now = Date.now()): AccountExportSummary["status"] | "expired" {
  return e.expiresAt.getTime() <= now ? "expired" : e.status;
}
