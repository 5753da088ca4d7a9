// What one event does, in Inngest's order: resume matching waits, cancel matching runs (cancelOn), then start a
// run of every function it triggers (honouring trigger `if`s and idempotency keys).
import { resolveDeadline } from "./duration";
import type { InngestEvent } from "./events";
import { compileExpression, expressionMatches } from "./expression";
import type { FnDef, Registry } from "./registry";
import type { Run } from "./run";
import type { Log } from "./state";
import type { Waits } from "./waits";

export interface RouteDeps {
  registry: Registry;
  waits: Waits;
  /** The runs still going, read afresh for every event. */
  live(): Iterable<Run>;
  startRun(fn: FnDef, event: InngestEvent, refusal?: unknown): Run;
  log: Log;
}

const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** True when an earlier event in the last 24 h had the same idempotency key for `fn`. */
function seenIdempotencyKey(keys: Map<string, number>, fn: FnDef, event: InngestEvent, now: number): boolean {
  if (!fn.idempotency) return false;
  if (keys.size > 10_000) for (const [k, expiry] of keys) if (expiry <= now) keys.delete(k);
  const key = `${fn.id}\n${JSON.stringify(compileExpression(fn.idempotency)({ event }))}`;
  const expiry = keys.get(key);
  if (expiry !== undefined && expiry > now) return true;
  keys.set(key, now + IDEMPOTENCY_WINDOW_MS);
  return false;
}

function cancelMatching(event: InngestEvent, deps: RouteDeps): void {
  for (const run of [...deps.live()]) {
    for (const rule of run.fn.cancel) {
      if (rule.event !== event.name) continue;
      try {
        // A cancel timeout counts from the run's start: after it, the rule no longer applies.
        if (rule.timeout && resolveDeadline(rule.timeout, Date.parse(run.summary.startedAt)) < event.ts) continue;
        if (!rule.if || expressionMatches(rule.if, { event: run.event, async: event })) run.cancel(`cancelled by event ${event.name} (${event.id})`);
      } catch (err) {
        run.fail(err);
      }
    }
  }
}

function startTriggered(event: InngestEvent, deps: RouteDeps, idempotencyKeys: Map<string, number>): void {
  const byFn = new Map<string, { fn: FnDef; expressions: Array<string | undefined> }>();
  for (const { fn, expression } of deps.registry.triggersFor(event.name)) {
    const entry = byFn.get(fn.id) ?? { fn, expressions: [] };
    entry.expressions.push(expression);
    byFn.set(fn.id, entry);
  }
  // One run per function, however many of its triggers match.
  for (const { fn, expressions } of byFn.values()) {
    try {
      if (!expressions.some((expression) => !expression || expressionMatches(expression, { event }))) continue;
      if (seenIdempotencyKey(idempotencyKeys, fn, event, Date.now())) {
        deps.log({ level: "info", msg: "run skipped: idempotency key already used", functionId: fn.id, eventId: event.id });
        continue;
      }
    } catch (err) {
      // An expression this executor cannot evaluate: record a failed run so the refusal is visible in /dev/runs.
      deps.startRun(fn, event, err);
      continue;
    }
    deps.startRun(fn, event);
  }
}

/** Returns the function that applies one accepted event; it owns the idempotency keys seen so far. */
export function createRouter(deps: RouteDeps): (event: InngestEvent) => void {
  const idempotencyKeys = new Map<string, number>();
  return (event) => {
    deps.waits.offer(event);
    cancelMatching(event, deps);
    startTriggered(event, deps, idempotencyKeys);
  };
}
