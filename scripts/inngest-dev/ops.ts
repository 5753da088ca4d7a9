// What each op in a 206 answer makes the executor do (SDK spec 5.3; op codes from types.js StepOpCode).
// Every op is validated before any is acted on, so a response with one unsupported op changes nothing.
import type { InngestEvent } from "./events";
import { compileExpression, expressionMatches } from "./expression";
import { resolveDeadline, setDeadlineTimer } from "./duration";
import { invokeOptsSchema, toSerializedError, UnsupportedError, waitForEventOptsSchema, type Op } from "./protocol";
import type { Run } from "./run";
import type { Memo } from "./state";

/** The parts of a run the op handlers use. */
export type OpHost = Pick<
  Run,
  "id" | "done" | "event" | "ctx" | "fn" | "known" | "markPending" | "memoize" | "track" | "backoff" | "delay" | "onEnd" | "complete" | "fail" | "log" | "runRequest"
>;

const noop = () => {};
const iso = (ms: number) => new Date(ms).toISOString();

/** Validates `op` and returns the action that carries it out; throws UnsupportedError for anything unknown. */
export function planOp(run: OpHost, op: Op, attempt: number, retryAfterMs: number | undefined): () => void {
  switch (op.op) {
    case "RunComplete": // the function's return value, sent as an op when lazy ops ride along (engine.js attachLazyOps)
      return () => run.complete(op.data ?? null);
    case "StepRun":
      return () => {
        run.track(op, "completed", { attempts: attempt + 1, output: op.data ?? null });
        run.memoize(op.id, { data: op.data ?? null });
      };
    case "StepFailed": // the SDK gave up on the step (last attempt or NonRetriableError): memoize the error
      return () => {
        const error = toSerializedError(op.error, "step failed");
        run.track(op, "failed", { attempts: attempt + 1, error });
        run.memoize(op.id, { error });
      };
    case "StepError":
      return () => retryStep(run, op, attempt, retryAfterMs);
    case "StepPlanned":
      return () => {
        if (run.known(op.id)) return;
        run.markPending(op.id);
        run.track(op, "running");
        void run.runRequest(op.id, 0);
      };
    case "Sleep": {
      // v4 writes the duration or ISO date in `name`; the SDK spec puts it in opts.duration.
      const duration = typeof op.opts?.duration === "string" ? op.opts.duration : op.name;
      if (!duration) throw new UnsupportedError(`a Sleep op without a duration (${JSON.stringify(op)})`);
      const until = resolveDeadline(duration);
      return run.known(op.id) ? noop : () => sleep(run, op, until);
    }
    case "WaitForEvent": {
      const opts = waitForEventOptsSchema.safeParse(op.opts);
      const eventName = opts.data?.event ?? op.name;
      if (!opts.success || !eventName) throw new UnsupportedError(`the WaitForEvent op ${JSON.stringify(op)}`);
      if (opts.data.if) compileExpression(opts.data.if); // refuse an unsupported match now, not when an event comes
      const until = resolveDeadline(opts.data.timeout);
      return run.known(op.id) ? noop : () => waitForEvent(run, op, eventName, opts.data.if, until);
    }
    case "InvokeFunction": {
      const opts = invokeOptsSchema.safeParse(op.opts);
      if (!opts.success) throw new UnsupportedError(`the InvokeFunction op ${JSON.stringify(op)}`);
      const until = opts.data.timeout ? resolveDeadline(opts.data.timeout) : undefined;
      return run.known(op.id) ? noop : () => void invoke(run, op, opts.data, until);
    }
    default:
      throw new UnsupportedError(op.op);
  }
}

/** StepError: the step threw and may be retried; the SDK answers StepFailed itself on the last attempt. */
function retryStep(run: OpHost, op: Op, attempt: number, retryAfterMs: number | undefined): void {
  const error = toSerializedError(op.error, "step errored");
  if (attempt + 1 >= run.fn.maxAttempts) {
    run.track(op, "failed", { attempts: attempt + 1, error });
    return run.memoize(op.id, { error });
  }
  run.markPending(op.id);
  run.track(op, "retrying", { attempts: attempt + 1, error });
  const delayMs = retryAfterMs ?? run.backoff(attempt);
  run.log("warn", "step failed; retrying", { stepId: op.id, attempt, delayMs, error: error.message });
  void run.delay(delayMs).then(() => run.runRequest(op.id, attempt + 1));
}

/** Sleep: a real timer, however long (or until woken early); the step is memoized with null when it ends. */
function sleep(run: OpHost, op: Op, until: number): void {
  run.markPending(op.id);
  run.track(op, "sleeping", { until: iso(until) });
  const key = `${run.id}:${op.id}`;
  const wake = () => {
    stopTimer();
    run.ctx.sleepers.delete(key);
    run.track(op, "completed", { output: null });
    run.memoize(op.id, { data: null });
  };
  const stopTimer = setDeadlineTimer(until, wake);
  run.ctx.sleepers.set(key, { runId: run.id, wake });
  run.onEnd(() => {
    stopTimer();
    run.ctx.sleepers.delete(key);
  });
}

/** WaitForEvent: memoized with the matching event, or null at the timeout (SDK spec 5.3.3). */
function waitForEvent(run: OpHost, op: Op, eventName: string, expression: string | undefined, until: number): void {
  run.markPending(op.id);
  run.track(op, "waiting", { until: iso(until) });
  const settle = (event: InngestEvent | null) => {
    stopTimer();
    removeWait();
    run.track(op, "completed", { output: event });
    run.memoize(op.id, { data: event });
  };
  // In the `if`, `event` is the run's triggering event and `async` the candidate.
  const removeWait = run.ctx.waits.add({
    runId: run.id,
    eventName,
    matches: (candidate) => !expression || expressionMatches(expression, { event: run.event, async: candidate }),
    resume: settle,
    fail: (err) => run.fail(err),
  });
  const stopTimer = setDeadlineTimer(until, () => settle(null));
  run.onEnd(removeWait);
  run.onEnd(stopTimer);
}

/** InvokeFunction: runs the target with an inngest/function.invoked event and memoizes its outcome. */
async function invoke(run: OpHost, op: Op, opts: { function_id: string; payload: { data?: Record<string, unknown> | null; v?: string } }, until: number | undefined): Promise<void> {
  run.markPending(op.id);
  run.track(op, "invoking", until ? { until: iso(until) } : {});
  const child = await run.ctx.invoke(opts.function_id, opts.payload.data ?? {}, opts.payload.v);
  const memo = await new Promise<Memo>((resolve) => {
    if (!child) return resolve({ error: { name: "Error", message: `could not find function "${opts.function_id}" to invoke` } });
    const timeout = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" };
    const stopTimer = until === undefined ? noop : setDeadlineTimer(until, () => resolve({ error: timeout }));
    run.onEnd(stopTimer);
    void child.finished.then((result) => {
      stopTimer();
      if (result.status === "completed") resolve({ data: result.output ?? null });
      else resolve({ error: result.error ?? { name: "Error", message: `invoked run ${result.id} was ${result.status}` } });
    });
  });
  if (run.done) return;
  run.track(op, "error" in memo ? "failed" : "completed", "error" in memo ? { error: memo.error } : { output: memo.data });
  run.memoize(op.id, memo);
}
