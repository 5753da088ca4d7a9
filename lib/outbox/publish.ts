import { findUnsentByIds, markFailed, markSent, type PendingEvent } from "@/db/queries/outbox";
import { withSystem } from "@/db/tenant";
import { inngest } from "@/jobs/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { withTimeout } from "@/lib/timeout";
import { collectEnqueued } from "./scope";


/**
 * Hands events to Inngest (event id = outbox id, so a resend is de-duplicated) and marks them sent only once
 * Inngest accepted them. Never throws: on failure the rows stay unsent, with the error, for the relay.
 */
export async function sendPending(events: PendingEvent[]): Promise<{ sent: number; failed: number }> {
  if (events.length === 0) return { sent: 0, failed: 0 };
  const ids = events.map((e) => e.id);
  try {
    // Bounded so an unreachable job server costs a request at most OUTBOX_SEND_TIMEOUT_MS, never an error.
    await withTimeout(inngest.send(events.map(({ id, name, data }) => ({ id, name, data }))), env().OUTBOX_SEND_TIMEOUT_MS);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0]! : "send failed";
    log.warn({ events: ids.length, reason }, "outbox: job transport unavailable; events left for the relay");
    await withSystem("outbox: record failed hand-over", (tx) => markFailed(tx, ids, reason)).catch(() => {});
    return { sent: 0, failed: ids.length };
  }
  await withSystem("outbox: mark events sent", (tx) => markSent(tx, ids));
  return { sent: ids.length, failed: 0 };
}

/** Publishes the outbox rows `ids` that were committed and are still unsent. */
export async function publishOutbox(ids: string[]): Promise<{ sent: number; failed: number }> {
  if (ids.length === 0) return { sent: 0, failed: 0 };
  const events = await withSystem("outbox: publish after commit", (tx) => findUnsentByIds(tx, ids));
  return sendPending(events);
}

/**
 * Runs a unit of work (a request's handler, its transactions included). If it succeeded, runs the callbacks it
 * registered with `afterCommit` (a failing one is logged, never thrown). Then publishes the events it enqueued,
 * whether it succeeded or not: only rows of committed transactions exist to be published. Wrap whole
 * transactions, never call it inside an open one: when `fn` resolves, its work must be committed.
 */
export async function withOutbox<T>(fn: () => Promise<T>): Promise<T> {
  const { ids, afterCommit, result } = await collectEnqueued(fn);
  if (result.status === "fulfilled") {
    for (const callback of afterCommit) {
      try {
        await callback();
      } catch (err) {
        log.error({ err }, "after-commit callback failed");
      }
    }
  }
  if (ids.length) await publishOutbox(ids).catch((err: unknown) => log.error({ err }, "outbox: publish failed"));
  if (result.status === "rejected") throw result.reason;
  return result.value;
}
