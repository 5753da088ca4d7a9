// The functions the app serves, as learnt from its last sync, and which of them an event triggers.
import { functionConfigSchema, UnsupportedError, type FunctionConfig } from "./protocol";

export interface ConcurrencyLimit {
  limit: number;
  key?: string;
  scope: "fn" | "env" | "account";
}

export interface FnDef {
  /** Composite id `<appId>-<functionId>`: what `?fnId=` carries (InngestFunction.js `id(prefix)`). */
  id: string;
  appId: string;
  name: string;
  triggers: FunctionConfig["triggers"];
  /** Retries + 1; the SDK's default is 3 retries (helpers/consts.js defaultMaxRetries). */
  maxAttempts: number;
  concurrency: ConcurrencyLimit[];
  cancel: NonNullable<FunctionConfig["cancel"]>;
  idempotency?: string;
  /** Config this executor cannot honour: runs of the function fail naming it instead of quietly ignoring it. */
  unsupported: string[];
}

const DEFAULT_RETRIES = 3;
// rateLimit, throttle, debounce, batchEvents, singleton, priority and timeouts change which runs happen and when;
// running without them would hide exactly the behaviour a developer wants to see, so they are refused.
const SUPPORTED_KEYS = new Set(["id", "name", "triggers", "steps", "concurrency", "cancel", "idempotency"]);

/** Reads one function config from a sync; a config that does not parse becomes a function whose runs fail. */
export function toFnDef(appId: string, raw: unknown): FnDef | undefined {
  const parsed = functionConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return undefined;
    const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { id, appId, name: id, triggers: [], maxAttempts: 1, concurrency: [], cancel: [], unsupported: [`the function config (${why})`] };
  }
  const config = parsed.data;
  const unsupported = Object.keys(config)
    .filter((key) => !SUPPORTED_KEYS.has(key) && config[key] !== undefined && config[key] !== null)
    .map((key) => `the function option "${key}"`);
  const retries = Object.values(config.steps)[0]?.retries?.attempts ?? DEFAULT_RETRIES;
  const concurrency = config.concurrency === undefined ? [] : [config.concurrency].flat();
  return {
    id: config.id,
    appId,
    name: config.name ?? config.id,
    triggers: config.triggers,
    maxAttempts: retries + 1,
    concurrency: concurrency.map((c) => (typeof c === "number" ? { limit: c, scope: "fn" } : { ...c, scope: c.scope ?? "fn" })),
    cancel: config.cancel ?? [],
    idempotency: config.idempotency,
    unsupported,
  };
}

/** Inngest's trigger names may end in `*` to match every event with that prefix. */
export function eventNameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

export class Registry {
  private readonly fns = new Map<string, FnDef>();
  /** Set after the first successful sync. */
  syncedAt: number | undefined;

  /** Replaces the functions of `appId` with `rawFunctions`; returns what changed, for the log. */
  apply(appId: string, rawFunctions: unknown[]): { ids: string[]; added: string[]; removed: string[] } {
    const next = rawFunctions.map((raw) => toFnDef(appId, raw)).filter((fn): fn is FnDef => fn !== undefined);
    const before = [...this.fns.values()].filter((fn) => fn.appId === appId).map((fn) => fn.id);
    for (const id of before) this.fns.delete(id);
    for (const fn of next) this.fns.set(fn.id, fn);
    this.syncedAt = Date.now();
    const ids = next.map((fn) => fn.id);
    return { ids, added: ids.filter((id) => !before.includes(id)), removed: before.filter((id) => !ids.includes(id)) };
  }

  get(id: string): FnDef | undefined {
    return this.fns.get(id);
  }

  all(): FnDef[] {
    return [...this.fns.values()];
  }

  /**
   * Every function with an event trigger matching `name`, with that trigger's `if` expression (undefined: always).
   * The caller evaluates the expression so one it cannot parse fails that function's run, not the whole event.
   */
  triggersFor(name: string): Array<{ fn: FnDef; expression?: string }> {
    const out: Array<{ fn: FnDef; expression?: string }> = [];
    for (const fn of this.fns.values()) {
      for (const trigger of fn.triggers) {
        if ("event" in trigger && eventNameMatches(trigger.event, name)) out.push({ fn, expression: trigger.expression });
      }
    }
    return out;
  }
}

/** The config errors a run of `fn` must fail with, or undefined when the executor can run it faithfully. */
export function unsupportedConfig(fn: FnDef): UnsupportedError | undefined {
  return fn.unsupported.length ? new UnsupportedError(`${fn.unsupported.join(", ")} (function ${fn.id})`) : undefined;
}
