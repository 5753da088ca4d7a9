import { AsyncLocalStorage } from "node:async_hooks";
import type { PendingEvent } from "@/db/queries/outbox";

/**
 * One unit of work (a request, a job step): the outbox events its committed transactions wrote, published once it
 * is over, and the callbacks to run once it has committed (see `afterCommit`).
 */
type UnitOfWork = { events: PendingEvent[]; afterCommit: Array<() => Promise<void>> };

const scope = new AsyncLocalStorage<UnitOfWork>();

/**
 * Runs `fn` as a unit of work, collecting the events `enqueue` wrote in transactions that committed and the
 * callbacks `afterCommit` registers, and returns them with its result (or its error).
 */
export async function collectEnqueued<T>(fn: () => Promise<T>): Promise<UnitOfWork & { result: PromiseSettledResult<T> }> {
  const unit: UnitOfWork = { events: [], afterCommit: [] };
  const result = await scope.run(unit, () => fn().then(
    (value): PromiseSettledResult<T> => ({ status: "fulfilled", value }),
    (reason: unknown): PromiseSettledResult<T> => ({ status: "rejected", reason }),
  ));
  return { ...unit, result };
}

/**
 * Notes a committed outbox event for publishing when the current unit of work ends (outside one, the relay picks
 * it up). Called once its transaction committed, so publishing needs no query to find out whether it exists.
 */
export function noteEnqueued(event: PendingEvent): void {
  scope.getStore()?.events.push(event);
}

/**
 * Runs `fn` once the current unit of work (`withOutbox`: every server action and route handler) has succeeded,
 * i.e. after its transaction committed: for what must not happen before other connections can see the change,
 * such as dropping cached memberships (drop them earlier and a concurrent read caches the old rows again).
 *
 * - Never runs when the unit of work fails (its transaction rolled back).
 * - Callbacks run one after another, in registration order, before the unit's events are published; one that
 *   throws is logged and skipped: the change is committed, so the request still succeeds.
 * - Outside a unit of work it throws: there is no commit to wait for. Jobs, scripts and tests calling an
 *   operation that registers one wrap the call (transaction included) in `withOutbox(...)`.
 * - Callbacks should be idempotent (cache invalidation): one registered in a transaction the unit of work rolled
 *   back and then recovered from still runs.
 */
export function afterCommit(fn: () => Promise<void>): void {
  const unit = scope.getStore();
  if (!unit) throw new Error("afterCommit() needs a unit of work: run the caller inside withOutbox(...)");
  unit.afterCommit.push(fn);
}
