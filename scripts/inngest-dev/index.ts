// Keel's development executor: a stand-in for the Inngest dev server (whose npm package downloads a binary we
// cannot install) that drives the app's real serve() endpoint over the published SDK protocol. Dev only: app code
// never imports it. It refuses, loudly and by name, every op and option it does not implement.
import { ConcurrencyGate } from "./concurrency";
import { CronTimers } from "./cron-timers";
import { EventLog, type InngestEvent } from "./events";
import { ulid } from "./ids";
import { errorFromThrown, INTERNAL_EVENT } from "./protocol";
import { Registry, type FnDef } from "./registry";
import { createRouter } from "./router";
import { Run } from "./run";
import { ConflictError, NotFoundError, startServer } from "./server";
import { RunStore, type Log, type RunContext, type RunSummary } from "./state";
import { SyncError, syncApp } from "./sync";
import { Waits } from "./waits";

export type { RunSummary, StepSummary, LogLine } from "./state";

/** One synced function as /dev/functions lists it. */
export interface FunctionSummary {
  id: string;
  name: string;
  /** Cron expressions and event names, as configured. */
  triggers: Array<{ cron: string } | { event: string }>;
}

export interface DevExecutorOptions {
  /** The app's serve() route, e.g. http://localhost:3000/api/inngest. */
  serveUrl: string;
  /** 0 picks a free port. Default 8288, the port the SDK assumes for a dev server. */
  port?: number;
  host?: string;
  log?: Log;
  /** Retry n waits baseBackoffMs * 2^n. Default 1000. */
  baseBackoffMs?: number;
  /** Re-sync this often so code changes are picked up; 0 syncs only until the first success. Default 5000. */
  syncIntervalMs?: number;
  /**
   * Wait this long before the first sync (an event arriving earlier syncs at once). `npm run dev` waits, so the
   * first page a developer opens compiles alone instead of beside /api/inngest and every job. Default 0.
   */
  firstSyncDelayMs?: number;
}

export interface DevExecutor {
  /** Where the event API listens: point the app's INNGEST_DEV here. */
  url: string;
  stop(): Promise<void>;
  /** The last 500 runs, newest first. */
  runs(): RunSummary[];
  waitForRun(predicate: (run: RunSummary) => boolean, timeoutMs: number): Promise<RunSummary>;
  /** Syncs now; rejects with what to fix when the app is unreachable or refuses. */
  sync(): Promise<void>;
  /** The functions of the last sync, with their triggers (what /dev/jobs offers to run). */
  functions(): FunctionSummary[];
  /**
   * Starts a run of one function now, whatever triggers it: a cron function gets the timer event its schedule would
   * send, an event function an event of its (first) trigger with `data`. Only that function runs: other functions
   * the event would trigger do not. Resolves with the run id; accepts the composite id or the bare one.
   */
  runNow(functionId: string, data?: Record<string, unknown>): Promise<string>;
  /** Starts a new run of a finished run's function with the same event (name, id and payload); resolves with its id. */
  replay(runId: string): Promise<string>;
  /**
   * Ends the sleeps of the runs `predicate` picks (all when omitted) now, as if their time had come, so tests
   * and developers can walk a schedule of hours in moments. Returns how many sleeps ended.
   */
  wakeSleepers(predicate?: (run: RunSummary) => boolean): number;
}

const defaultLog: Log = (line) => {
  if (line.level === "debug" && !process.env.DEBUG) return;
  const text = JSON.stringify({ time: new Date().toISOString(), service: "inngest-dev", ...line });
  if (line.level === "error" || line.level === "warn") console.error(text);
  else console.log(text);
};

export async function startDevExecutor(options: DevExecutorOptions): Promise<DevExecutor> {
  const log = options.log ?? defaultLog;
  const syncIntervalMs = options.syncIntervalMs ?? 5_000;
  const abort = new AbortController();
  const store = new RunStore();
  const registry = new Registry();
  const events = new EventLog();
  const live = new Map<string, Run>();
  let stopped = false;
  let syncing: Promise<void> | undefined;
  let routing = Promise.resolve();
  let loopTimer: NodeJS.Timeout | undefined;

  const ctx: RunContext = {
    serveUrl: options.serveUrl,
    baseBackoffMs: options.baseBackoffMs ?? 1_000,
    log,
    store,
    gate: new ConcurrencyGate(),
    waits: new Waits(),
    sleepers: new Map(),
    signal: abort.signal,
    invoke: async (functionId, data, v) => {
      const fn = await ensureFunction(functionId);
      return fn && startRun(fn, { ...events.internal(INTERNAL_EVENT.invoked, data), ...(v ? { v } : {}) });
    },
    emit: (name, data) => enqueue([events.internal(name, data)]),
  };

  const cron = new CronTimers((fnId, expression) => {
    const fn = registry.get(fnId);
    if (fn) startRun(fn, events.internal(INTERNAL_EVENT.scheduled, { cron: expression }));
  }, log);

  /** Starts a run; with `refusal`, records it as failed at once (an unsupported trigger expression or key). */
  function startRun(fn: FnDef, event: InngestEvent, refusal?: unknown): Run {
    const run = new Run(ctx, fn, event, ulid());
    store.add(run.summary, event);
    live.set(run.id, run);
    void run.finished.then(() => live.delete(run.id));
    if (refusal === undefined) run.start();
    else run.fail(refusal);
    return run;
  }

  const route = createRouter({ registry, waits: ctx.waits, live: () => live.values(), startRun, log });

  /** Routes events one batch at a time, in arrival order, without holding up the send() that brought them. */
  function enqueue(fresh: InngestEvent[]): void {
    if (stopped || fresh.length === 0) return;
    routing = routing
      .then(async () => {
        if (registry.syncedAt === undefined) await sync().catch((err: unknown) => log({ level: "warn", msg: "event arrived before the app synced", error: errorFromThrown(err).message }));
        for (const event of fresh) {
          try {
            route(event);
          } catch (err) {
            log({ level: "error", msg: "event not routed", eventId: event.id, name: event.name, error: errorFromThrown(err).message });
          }
        }
      })
      // Never let one bad batch break the chain: later events must still be routed.
      .catch((err: unknown) => log({ level: "error", msg: "event routing failed", error: errorFromThrown(err).message }));
  }

  async function ensureFunction(id: string): Promise<FnDef | undefined> {
    if (!registry.get(id)) await sync().catch((err: unknown) => log({ level: "warn", msg: "re-sync failed", error: errorFromThrown(err).message }));
    return registry.get(id);
  }

  function applyFunctions(appId: string, functions: unknown[]): void {
    const firstSync = registry.syncedAt === undefined;
    const diff = registry.apply(appId, functions);
    if (firstSync || diff.added.length || diff.removed.length) log({ level: "info", msg: "app synced", appId, functions: diff.ids, added: diff.added, removed: diff.removed });
    for (const fn of registry.all()) {
      if (fn.unsupported.length && (firstSync || diff.added.includes(fn.id))) {
        log({ level: "error", msg: `dev executor does not support ${fn.unsupported.join(", ")}; runs of ${fn.id} will fail` });
      }
    }
    cron.update(registry.all());
  }

  function sync(): Promise<void> {
    syncing ??= (async () => {
      const registeredBefore = registry.syncedAt;
      const result = await syncApp(options.serveUrl, abort.signal);
      if (result.kind === "in_band") return applyFunctions(result.appId, result.functions);
      // Out of band, the SDK has just POSTed its configs to `${apiBaseUrl}/fn/register`; if that was not us, say so.
      if (registry.syncedAt === registeredBefore) throw new SyncError("the app synced out of band to another server; set INNGEST_DEV to this executor's URL");
    })().finally(() => (syncing = undefined));
    return syncing;
  }

  /** Syncs until the app answers, then every syncIntervalMs; logs the first failure of a streak and every tenth. */
  function scheduleSync(delayMs: number, failures: number): void {
    loopTimer = setTimeout(async () => {
      try {
        await sync();
        if (syncIntervalMs > 0 && !stopped) scheduleSync(syncIntervalMs, 0);
      } catch (err) {
        if (stopped) return;
        if (failures % 10 === 0) log({ level: "warn", msg: "waiting for the app to sync", serveUrl: options.serveUrl, error: errorFromThrown(err).message });
        scheduleSync(Math.min(250 * 2 ** failures, 5_000), failures + 1);
      }
    }, delayMs);
  }

  function listFunctions(): FunctionSummary[] {
    return registry.all().map((fn) => ({
      id: fn.id,
      name: fn.name,
      triggers: fn.triggers.map((t) => ("cron" in t ? { cron: t.cron } : { event: t.event })),
    }));
  }

  async function runNow(functionId: string, data: Record<string, unknown> = {}): Promise<string> {
    const fn = (await ensureFunction(functionId)) ?? registry.all().find((f) => f.id === `${f.appId}-${functionId}`);
    if (!fn) throw new NotFoundError(`no function "${functionId}" is synced`);
    const trigger = fn.triggers[0];
    if (!trigger) throw new NotFoundError(`function "${fn.id}" has no trigger to run it by`);
    const event = "cron" in trigger ? events.internal(INTERNAL_EVENT.scheduled, { cron: trigger.cron }) : events.internal(trigger.event, data);
    log({ level: "info", msg: "run requested", functionId: fn.id, eventName: event.name });
    return startRun(fn, event).id;
  }

  async function replay(runId: string): Promise<string> {
    const original = store.event(runId);
    const summary = store.get(runId);
    if (!original || !summary) throw new NotFoundError(`no run "${runId}" is kept`);
    // A replay of a run still going would race it on the same steps' side effects.
    if (summary.status === "running") throw new ConflictError(`run "${runId}" has not finished`);
    const fn = await ensureFunction(summary.functionId);
    if (!fn) throw new NotFoundError(`function "${summary.functionId}" is no longer synced`);
    log({ level: "info", msg: "run replayed", functionId: fn.id, replayOf: runId, eventId: original.id });
    return startRun(fn, original).id;
  }

  const server = await startServer(options.host ?? "127.0.0.1", options.port ?? 8288, {
    log,
    ingest: async (payloads, seed) => {
      const { ids, fresh } = events.accept(payloads, seed);
      if (fresh.length < payloads.length) log({ level: "info", msg: "duplicate event ids ignored", count: payloads.length - fresh.length });
      enqueue(fresh);
      return { ids };
    },
    register: (appId, functions) => {
      log({ level: "debug", msg: "out-of-band registration received", appId });
      applyFunctions(appId, functions);
    },
    runs: () => store.list(),
    run: (id) => store.get(id),
    functions: listFunctions,
    runNow,
    replay,
    health: () => ({ ok: true, serveUrl: options.serveUrl, syncedAt: registry.syncedAt ?? null, functions: registry.all().map((fn) => fn.id) }),
  });
  log({ level: "info", msg: "dev executor listening", url: server.url, serveUrl: options.serveUrl });
  scheduleSync(options.firstSyncDelayMs ?? 0, 0);

  return {
    url: server.url,
    runs: () => store.list(),
    waitForRun: (predicate, timeoutMs) => store.waitFor(predicate, timeoutMs),
    sync,
    functions: listFunctions,
    runNow,
    replay,
    wakeSleepers: (predicate) => {
      let woken = 0;
      for (const sleeper of [...ctx.sleepers.values()]) {
        const run = store.get(sleeper.runId);
        if (run && predicate && !predicate(run)) continue;
        sleeper.wake();
        woken++;
      }
      return woken;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true; // first, so the cancellations below raise no more events
      for (const run of live.values()) run.cancel("dev executor stopped");
      clearTimeout(loopTimer);
      cron.stop();
      abort.abort();
      await server.close();
    },
  };
}
