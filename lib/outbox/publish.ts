import { markFailed, markSent, type PendingEvent } from "@/db/queries/outbox";
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

// Most events one hand-over carries (Inngest caps the size of a send).
const MAX_BATCH = 100;
type Waiting = { events: PendingEvent[]; done: (result: { sent: number; failed: number }) => void };
const waiting: Waiting[] = [];
let draining = false;

/**
 * Hands committed events to Inngest, batched with those of every other unit of work finishing meanwhile: under
 * load, one send and one "mark sent" update carry the events of many requests instead of one each (each update
 * is a commit the disk must flush, and each holds a pooled connection). Resolves once this caller's events went
 * out (or were left for the relay); never throws.
 */
export function publishEvents(events: PendingEvent[]): Promise<{ sent: number; failed: number }> {
  if (events.length === 0) return Promise.resolve({ sent: 0, failed: 0 });
  const result = new Promise<{ sent: number; failed: number }>((done) => waiting.push({ events, done }));
  if (!draining) void drain();
  return result;
}

async function drain(): Promise<void> {
  draining = true;
  try {
    while (waiting.length) {
      // Whole callers only, so each learns its own outcome; a caller above the cap goes alone.
      const batch: Waiting[] = [waiting.shift()!];
      let size = batch[0]!.events.length;
      while (waiting.length && size + waiting[0]!.events.length <= MAX_BATCH) {
        size += waiting[0]!.events.length;
        batch.push(waiting.shift()!);
      }
      const outcome = await sendPending(batch.flatMap((w) => w.events)).catch((err: unknown) => {
        log.error({ err }, "outbox: publish failed");
        return null;
      });
      for (const w of batch) w.done(outcome?.failed ? { sent: 0, failed: w.events.length } : { sent: w.events.length, failed: 0 });
    }
  } finally {
    draining = false;
  }
}

/**
 * Runs a unit of work (a request's handler, its transactions included). If it succeeded, runs the callbacks it
 * registered with `afterCommit` (a failing one is logged, never thrown). Then publishes the events its committed
 * transactions enqueued, whether it succeeded or not. Wrap whole transactions, never call it inside an open one:
 * when `fn` resolves, its work must be committed.
 */
export async function withOutbox<T>(fn: () => Promise<T>): Promise<T> {
  const { events, afterCommit, result } = await collectEnqueued(fn);
  if (result.status === "fulfilled") {
    for (const callback of afterCommit) {
      try {
        await callback();
      } catch (err) {
        log.error({ err }, "after-commit callback failed");
      }
    }
  }
  if (events.length) await publishEvents(events);
  if (result.status === "rejected") throw result.reason;
  return result.value;
}
