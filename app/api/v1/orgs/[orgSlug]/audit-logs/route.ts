import { listAuditLogsOperation } from "@/lib/api/v1/operations";
import { presentAuditEntry } from "@/lib/api/v1/present";
import { v1Route } from "@/lib/api/v1/v1-route";
import { listAuditAfter } from "@/lib/audit/list-audit-after";

// GET /api/v1/orgs/{orgSlug}/audit-logs - the audit log, newest first, filtered, a page at a time
export const GET = v1Route(listAuditLogsOperation, async ({ tx, org, query }) => {
  const page = await listAuditAfter(tx, org, query);
  return { entries: page.entries.map(presentAuditEntry), nextCursor: page.nextCursor };
});
