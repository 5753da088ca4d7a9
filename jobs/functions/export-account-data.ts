import { completeAccountExport, failAccountExport } from "@/db/queries/account";
import { withSystem } from "@/db/tenant";
import { collectAccountData } from "@/lib/account/collect-account-data";
import { inngest } from "../client";
import { accountExportRequested } from "../events";

/** "Export my data": collects everything about the person into their `account_exports` row and marks it ready. */
export const exportAccountData = inngest.createFunction(
  {
    id: "export-account-data",
    triggers: [accountExportRequested],
    retries: 3,
    // One export at a time per person: a second request waits instead of reading half-written state.
    concurrency: { key: "event.data.userId", limit: 1 },
    onFailure: async ({ event, step }) => {
      await step.run("mark-failed", () =>
        withSystem("account export: record failure", (tx) => failAccountExport(tx, event.data.event.data.exportId)),
      );
    },
  },
  async ({ event, step }) => {
    const { userId, exportId } = event.data;
    // Collecting and storing in one step keeps the document out of step state; running it twice overwrites the same row.
    return step.run("collect-and-store", async () => {
      const data = await collectAccountData(userId);
      if (!data) return { status: "skipped" as const, reason: "account no longer exists" };
      const stored = await withSystem("account export: store the document", (tx) => completeAccountExport(tx, exportId, data));
      return stored ? { status: "ready" as const, exportId } : { status: "skipped" as const, reason: "export no longer exists" };
    });
  },
);
