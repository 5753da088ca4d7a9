// One function run, driven over the SDK protocol: discovery requests (`stepId=step`) find steps, each planned
// step runs in its own request (`stepId=<hashed id>`), and every result is memoized into `steps` for the next call.
import { callBody, callFunction, type CallResult } from "./call";
import type { InngestEvent } from "./events";
import { planOp, type OpHost } from "./ops";
import { errorFromThrown, INTERNAL_EVENT, toSerializedError, UnsupportedError, type Op } from "./protocol";
import { unsupportedConfig, type FnDef } from "./registry";
import { upsertStep, type LogLine, type Memo, type RunContext, type RunStatus, type RunSummary, type StepStatus, type StepSummary } from "./state";

export class Run implements OpHost {
  readonly summary: RunSummary;
  /** Resolves with the final summary once the run completes, fails or is cancelled. */
  readonly finished: Promise<RunSummary>;
  private resolveFinished: (summary: RunSummary) => void = () => {};
  private readonly steps: Record<string, Memo> = {};
  /** Hashed ids in completion order: ctx.stack.stack, which the SDK memoizes in (SDK spec 5.4). */
  private readonly stack: string[] = [];
  /** Steps planned, sleeping, waiting or invoking: a re-reported op for one of these is not started twice. */
  private readonly pending = new Set<string>();
  private readonly cleanups = new Set<() => void>();
  private disableImmediateExecution = false;
  private discovering = false;
  private discoverAgain = false;

  constructor(
    readonly ctx: RunContext,
    readonly fn: FnDef,
    readonly event: InngestEvent,
    readonly id: string,
  ) {
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    this.summary = { id, functionId: fn.id, eventName: event.name, eventId: event.id, eventData: event.data, status: "running", attempts: 0, startedAt: new Date().toISOString(), steps: [] };
  }

  get done(): boolean {
    return this.summary.status !== "running";
  }

  start(): void {
    this.log("info", "run started", { eventId: this.event.id });
    const refused = unsupportedConfig(this.fn);
    if (refused) return this.fail(refused);
    void this.discover();
  }

  /** Discovery requests never overlap: a step finishing mid-request asks for exactly one more, with its result. */
  private async discover(): Promise<void> {
    if (this.done) return;
    if (this.discovering) {
      this.discoverAgain = true;
      return;
    }
    this.discovering = true;
    try {
      do {
        this.discoverAgain = false;
        await this.runRequest("step", 0);
      } while (this.discoverAgain && !this.done);
    } finally {
      this.discovering = false;
    }
  }

  /** Runs one queue item (discovery or a step), retrying retriable failures up to the function's attempts. */
  async runRequest(stepId: string, firstAttempt: number): Promise<void> {
    for (let attempt = firstAttempt; !this.done; attempt++) {
      const result = await this.call(stepId, attempt);
      if (!result || this.done) return;
      if (result.kind === "error" && result.retriable && attempt + 1 < this.fn.maxAttempts) {
        const delay = result.retryAfterMs ?? this.backoff(attempt);
        this.log("warn", "request failed; retrying", { stepId, attempt, delayMs: delay, error: result.error.message });
        await this.delay(delay);
        continue;
      }
      if (result.kind === "complete") return this.complete(result.output);
      if (result.kind === "ops") return this.applyOps(result.ops, attempt, result.retryAfterMs);
      return this.fail(result.error);
    }
  }

  private async call(stepId: string, attempt: number): Promise<CallResult | undefined> {
    let release: () => void;
    try {
      release = await this.ctx.gate.acquire(this.ctx.gate.keysFor(this.fn, this.event));
    } catch (err) {
      this.fail(err);
      return undefined;
    }
    if (this.done) {
      release();
      return undefined;
    }
    this.summary.attempts = Math.max(this.summary.attempts, attempt + 1);
    const body = callBody({
      event: this.event,
      steps: this.steps,
      runId: this.id,
      attempt,
      maxAttempts: this.fn.maxAttempts,
      disableImmediateExecution: this.disableImmediateExecution,
      stack: this.stack,
    });
    try {
      return await callFunction(this.ctx.serveUrl, this.fn.id, stepId, body, this.ctx.signal);
    } catch {
      return undefined; // aborted: the executor is stopping
    } finally {
      release();
    }
  }

  private applyOps(ops: Op[], attempt: number, retryAfterMs: number | undefined): void {
    let actions: Array<() => void>;
    try {
      actions = ops.map((op) => planOp(this, op, attempt, retryAfterMs));
    } catch (err) {
      return this.fail(err);
    }
    // SDK spec 5.5: once a response reports more than one step, every later request must plan before executing.
    if (ops.length > 1) this.disableImmediateExecution = true;
    for (const action of actions) if (!this.done) action();
  }

  /** True when `id` already has a result or is in flight, so a re-reported op must not start again. */
  known(id: string): boolean {
    return id in this.steps || this.pending.has(id);
  }

  markPending(id: string): void {
    this.pending.add(id);
  }

  /** Stores a step's final result and asks the SDK what comes next. */
  memoize(id: string, memo: Memo): void {
    if (this.done || id in this.steps) return;
    this.steps[id] = memo;
    this.stack.push(id);
    this.pending.delete(id);
    this.ctx.store.changed();
    void this.discover();
  }

  /** Creates or updates the summary of step `op`. */
  track(op: Pick<Op, "id" | "op" | "name" | "displayName">, status: StepStatus, fields: Partial<StepSummary> = {}): void {
    upsertStep(this.summary, op, status, fields);
    this.ctx.store.changed();
  }

  backoff(attempt: number): number {
    return this.ctx.baseBackoffMs * 2 ** attempt;
  }

  /** Registers work to undo when the run ends (timers, waits). */
  onEnd(cleanup: () => void): void {
    this.cleanups.add(cleanup);
  }

  /** Waits `ms`, or less if the run ends first. */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.cleanups.delete(end);
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.cleanups.add(end);
    });
  }

  complete(output: unknown): void {
    if (this.finish("completed", { output })) {
      this.ctx.emit(INTERNAL_EVENT.finished, { function_id: this.fn.id, run_id: this.id, result: output });
    }
  }

  fail(err: unknown): void {
    const error = err instanceof Error ? errorFromThrown(err) : toSerializedError(err, "run failed");
    if (!this.finish("failed", { error })) return;
    // Refusals are logged as such so they stand out from the app's own errors.
    const msg = err instanceof UnsupportedError ? error.message : "run failed";
    this.log("error", msg, { error });
    this.ctx.emit(INTERNAL_EVENT.failed, { function_id: this.fn.id, run_id: this.id, error, event: this.event });
    this.ctx.emit(INTERNAL_EVENT.finished, { function_id: this.fn.id, run_id: this.id, error });
  }

  cancel(reason: string): void {
    if (!this.finish("cancelled", {})) return;
    this.log("info", "run cancelled", { reason });
    this.ctx.emit(INTERNAL_EVENT.cancelled, { function_id: this.fn.id, run_id: this.id });
  }

  private finish(status: Exclude<RunStatus, "running">, fields: Partial<RunSummary>): boolean {
    if (this.done) return false;
    const endedAt = new Date();
    Object.assign(this.summary, fields, { status, endedAt: endedAt.toISOString() });
    this.summary.durationMs = endedAt.getTime() - Date.parse(this.summary.startedAt);
    for (const cleanup of [...this.cleanups]) cleanup();
    this.cleanups.clear();
    if (status !== "failed") this.log("info", `run ${status}`, { durationMs: this.summary.durationMs });
    this.ctx.store.changed();
    this.resolveFinished(structuredClone(this.summary));
    return true;
  }

  log(level: LogLine["level"], msg: string, fields: Record<string, unknown> = {}): void {
    this.ctx.log({ level, msg, runId: this.id, functionId: this.fn.id, ...fields });
  }
}
