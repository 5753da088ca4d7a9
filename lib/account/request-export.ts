import { findPendingExport, insertAccountExport, type AccountExportSummary } from "@/db/queries/account";
import { withSystem } from "@/db/tenant";
import { accountExportRequested } from "@/jobs/events";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { enqueue } from "@/lib/outbox";

/** How long a finished export can be downloaded. */
export const EXPORT_TTL_MS = 7 * 86_400_000;
// A second click while the first export is being prepared returns that one instead of queueing another.
const REUSE_PENDING_MS = 15 * 60_000;

/** Queues "export my data": a pending `account_exports` row and the event the export job runs on, in one transaction. */
export async function requestAccountExport(userId: string): Promise<AccountExportSummary> {
  // The event has no organization, so its outbox row can only be written by the system.
  return withSystem("account export: person-level outbox event", async (tx) => {
    const pending = await findPendingExport(tx, userId);
    if (pending && Date.now() - pending.createdAt.getTime() < REUSE_PENDING_MS) return pending;
    const created = await insertAccountExport(tx, { userId, expiresAt: new Date(Date.now() + EXPORT_TTL_MS) });
    await enqueue(tx, accountExportRequested, { orgId: null, actorId: userId, userId, exportId: created.id });
    await recordAccountAudit({ action: "account.export_requested", actorId: userId, target: { type: "account_export", id: created.id } }, tx);
    return created;
  });
}
