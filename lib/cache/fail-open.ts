/** The one method of a logger the cache and the rate limiter need; pino's `log` fits, and tests pass a spy. */
export interface WarnLogger {
  warn(fields: object, message: string): void;
}

/** How a fail-open guard times out, trips and reports. */
export interface FailOpenOptions {
  /** Named in every log line: "cache" or "rate-limit". */
  component: string;
  backend: string;
  /** Deadline of each call; 0 for none (the in-process store cannot hang). */
  timeoutMs: number;
  log: WarnLogger;
  /** Consecutive failures that open the circuit. Default 5. */
  breakerThreshold?: number;
  /** How long an open circuit skips the backend before one call probes it again. Default 5 s. */
  breakerCooldownMs?: number;
  /** At most one warning per operation kind in this interval. Default 10 s. */
  logIntervalMs?: number;
  now?: () => number;
}

/** The outcome of a guarded call: its value, or the fact that the caller must do without. */
export type Attempt<T> = { ok: true; value: T } | { ok: false };

/** Runs backend calls so that their failures become `{ ok: false }` and a log line, never an exception. */
export interface FailOpen {
  run<T>(op: string, call: () => Promise<T>): Promise<Attempt<T>>;
  /** Logs a problem under the same once-per-interval rule, for failures that are not a backend call. */
  warn(op: string, fields: object, message: string): void;
  /** True while the circuit is open and calls skip the backend. */
  readonly open: boolean;
}

class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = "DeadlineExceeded";
  }
}

/**
 * A failure as one short line. Upstash errors end with ", command was: [...]", which carries keys and cached values
 * (possibly personal data): that part is cut. The token never appears in any of these messages.
 */
export function describeError(err: unknown): string {
  if (err instanceof DeadlineExceeded) return err.message;
  if (!(err instanceof Error)) return "unknown error";
  if (err.name === "TimeoutError" || err.name === "AbortError") return "request aborted at its deadline";
  // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, a DNS failure) on its cause.
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (err as { code?: unknown }).code;
  const reason = typeof code === "string" ? code : cause?.message;
  const message = err.message.split(", command was:")[0] ?? "";
  return [err.name, reason, message].filter(Boolean).join(": ").slice(0, 200);
}

/** Rejects when `promise` takes longer than `ms` (0: no deadline). */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  if (ms <= 0) return promise;
  let timer: NodeJS.Timeout | undefined;
  // race() subscribes to both, so a late rejection of the loser is handled rather than crashing the process.
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * A guard for a backend that must never fail a request: a deadline on every call, a circuit breaker so a dead
 * backend costs nothing after a few failures, and warnings rate-limited per operation kind so an outage writes a
 * line every 10 s per kind instead of one per request.
 */
export function createFailOpen(options: FailOpenOptions): FailOpen {
  const { component, backend, timeoutMs, log } = options;
  const threshold = options.breakerThreshold ?? 5;
  const cooldownMs = options.breakerCooldownMs ?? 5_000;
  const logIntervalMs = options.logIntervalMs ?? 10_000;
  const now = options.now ?? Date.now;

  let consecutiveFailures = 0;
  let openUntil = 0;
  let probing = false;
  const lastWarned = new Map<string, number>();
  const suppressed = new Map<string, number>();

  const warn = (op: string, fields: object, message: string) => {
    const at = now();
    const last = lastWarned.get(op);
    if (last !== undefined && at - last < logIntervalMs) {
      suppressed.set(op, (suppressed.get(op) ?? 0) + 1);
      return;
    }
    lastWarned.set(op, at);
    const skipped = suppressed.get(op) ?? 0;
    suppressed.delete(op);
    log.warn({ component, backend, op, ...fields, ...(skipped ? { suppressedSinceLastWarning: skipped } : {}) }, message);
  };

  return {
    warn,
    get open() {
      return now() < openUntil;
    },
    async run<T>(op: string, call: () => Promise<T>): Promise<Attempt<T>> {
      const tripped = consecutiveFailures >= threshold;
      // While open, and while one call is already probing a tripped backend, everyone else skips it.
      if (tripped && (now() < openUntil || probing)) return { ok: false };
      if (tripped) probing = true;
      try {
        const value = await withDeadline(Promise.resolve().then(call), timeoutMs);
        consecutiveFailures = 0;
        return { ok: true, value };
      } catch (err) {
        consecutiveFailures++;
        warn(op, { error: describeError(err) }, `${component}: ${backend} ${op} failed; carrying on without it`);
        if (consecutiveFailures >= threshold) {
          openUntil = now() + cooldownMs;
          warn("circuit", { consecutiveFailures, cooldownMs }, `${component}: ${backend} keeps failing; skipping it for ${cooldownMs} ms`);
        }
        return { ok: false };
      } finally {
        if (tripped) probing = false;
      }
    },
  };
}
