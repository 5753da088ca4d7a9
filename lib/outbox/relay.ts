import { findUnsent } from "@/db/queries/outbox";
import { withSystem } from "@/db/tenant";
import { sendPending } from "./publish";

/**
 * Sends what was committed but never accepted by Inngest, oldest first, in batches. Rows younger than
 * `minAgeMs` are left to the request that wrote them. Stops at the first failed batch: the transport is down.
 */
export async function relayOutbox(options: { batchSize?: number; minAgeMs?: number; maxBatches?: number } = {}) {
  const { batchSize = 500, minAgeMs = 5_000, maxBatches = 100 } = options;
  const totals = { sent: 0, failed: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const before = new Date(Date.now() - minAgeMs);
    const events = await withSystem("outbox relay: find unsent events", (tx) => findUnsent(tx, before, batchSize));
    const { sent, failed } = await sendPending(events);
    totals.sent += sent;
    totals.failed += failed;
    if (failed || events.length < batchSize) break;
  }
  return totals;
}
