// What the executor remembers: the most recent runs, in memory only (a dev tool; a restart forgets them).
import type { ConcurrencyGate } from "./concurrency";
import type { InngestEvent } from "./events";
import type { SerializedError } from "./protocol";
import type { Run } from "./run";
import type { Waits } from "./waits";

/** One structured log line; `level` "error" marks anything a developer must act on. */
export type LogLine = { level: "debug" | "info" | "warn" | "error"; msg: string; [key: string]: unknown };
export type Log = (line: LogLine) => void;

export type RunStatus = "running" | "completed" | "failed" | "cancelled";
export type StepStatus = "running" | "retrying" | "sleeping" | "waiting" | "invoking" | "completed" | "failed";

export interface StepSummary {
  /** Hashed step id, as in the protocol. */
  id: string;
  name: string;
  op: string;
  status: StepStatus;
  attempts: number;
  startedAt: string;
  endedAt?: string;
  /** When a sleep wakes or a wait / invoke times out. */
  until?: string;
  output?: unknown;
  error?: SerializedError;
}

export interface RunSummary {
  id: string;
  functionId: string;
  eventName: string;
  eventId: string;
  /** The event's payload: what a replay sends again, and what /dev/jobs offers to edit for a run of its own. */
  eventData: Record<string, unknown>;
  status: RunStatus;
  /** Attempts of the most-retried request in the run: 1 when nothing was retried. */
  attempts: number;
  startedAt: string;
  endedAt?: string;
  durationMs?: number;
  error?: SerializedError;
  output?: unknown;
  steps: StepSummary[];
}

/** A step's memoized result, as sent back in the call body's `steps`. */
export type Memo = { data: unknown } | { error: SerializedError };

export interface RunContext {
  serveUrl: string;
  baseBackoffMs: number;
  log: Log;
  store: RunStore;
  gate: ConcurrencyGate;
  waits: Waits;
  /** Sleeping steps, each with the function that ends its sleep now (see DevExecutor.wakeSleepers). */
  sleepers: Map<string, { runId: string; wake: () => void }>;
  /** Aborted when the executor stops: in-flight calls end and no run continues. */
  signal: AbortSignal;
  /** Starts a run of `functionId` for step.invoke, re-syncing once if the function is unknown. */
  invoke(functionId: string, data: Record<string, unknown>, v?: string): Promise<Run | undefined>;
  /** Routes an event the executor raises (function.finished, .failed, .cancelled) like a sent one. */
  emit(name: string, data: Record<string, unknown>): void;
}

/** Creates or updates the summary of one step of `run`; a terminal status stamps `endedAt`. */
export function upsertStep(
  run: RunSummary,
  op: { id: string; op: string; name?: string; displayName?: string },
  status: StepStatus,
  fields: Partial<StepSummary>,
): void {
  let step = run.steps.find((s) => s.id === op.id);
  if (!step) {
    step = { id: op.id, name: op.displayName ?? op.name ?? op.id, op: op.op, status, attempts: 0, startedAt: new Date().toISOString() };
    run.steps.push(step);
  }
  Object.assign(step, { status, ...fields });
  if (status === "completed" || status === "failed") step.endedAt = new Date().toISOString();
}

const MAX_RUNS = 500;

export class RunStore {
  private readonly runs = new Map<string, RunSummary>();
  /** Each kept run's event, whole (id, timestamp, user), for a replay. */
  private readonly events = new Map<string, InngestEvent>();
  private readonly listeners = new Set<() => void>();

  /** Tracks a run; its summary object is mutated in place by the run, which calls `changed()` after. */
  add(run: RunSummary, event: InngestEvent): void {
    this.runs.set(run.id, run);
    this.events.set(run.id, event);
    if (this.runs.size > MAX_RUNS) {
      // Forget the oldest finished run first, so a long sleep is not dropped from the list while it waits.
      const victim = [...this.runs.values()].find((r) => r.status !== "running") ?? this.runs.values().next().value;
      if (victim) {
        this.runs.delete(victim.id);
        this.events.delete(victim.id);
      }
    }
    this.changed();
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Copies, newest first: callers can't mutate a live run. */
  list(): RunSummary[] {
    return [...this.runs.values()].reverse().map((run) => structuredClone(run));
  }

  get(id: string): RunSummary | undefined {
    const run = this.runs.get(id);
    return run && structuredClone(run);
  }

  /** The event a kept run started from. */
  event(id: string): InngestEvent | undefined {
    const event = this.events.get(id);
    return event && structuredClone(event);
  }

  /** Resolves with the first run (oldest first) matching `predicate`, now or after a later change. */
  waitFor(predicate: (run: RunSummary) => boolean, timeoutMs: number): Promise<RunSummary> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = [...this.runs.values()].map((run) => structuredClone(run)).find(predicate);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = [...this.runs.values()].map((r) => `${r.functionId}:${r.status}${r.error ? `(${r.error.message})` : ""}`);
        reject(new Error(`no run matched within ${timeoutMs} ms; runs: ${seen.join(", ") || "none"}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }
}
