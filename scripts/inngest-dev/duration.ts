// Time strings ("1h30m", "500ms") and ISO dates, as the SDK writes them for sleeps, waits and timeouts
// (helpers/strings.js timeStr; SDK spec 1.3.2).
import { UnsupportedError } from "./protocol";

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  "µs": 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
// "ms" must come before "m" and "s" so "5ms" is not read as five minutes.
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Milliseconds in a time string, or undefined when it is not one. */
export function parseTimeStr(input: string): number | undefined {
  let total = 0;
  let consumed = 0;
  for (const match of input.matchAll(PART)) {
    if (match.index !== consumed) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? Number.NaN);
    consumed += match[0].length;
  }
  return consumed > 0 && consumed === input.length && Number.isFinite(total) ? total : undefined;
}

/** The epoch milliseconds a time string (relative to `now`) or an ISO date (absolute) points at. */
export function resolveDeadline(input: string, now = Date.now()): number {
  const relative = parseTimeStr(input.trim());
  if (relative !== undefined) return now + relative;
  const absolute = ISO_DATE.test(input) ? Date.parse(input) : Number.NaN;
  if (Number.isFinite(absolute)) return absolute;
  throw new UnsupportedError(`the duration "${input}"`);
}

/** setTimeout caps delays at 2^31-1 ms (~24.8 days); longer sleeps re-arm until their deadline. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `fn` at `deadline`, however far away; returns a cancel function. */
export function setDeadlineTimer(deadline: number, fn: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const wait = deadline - Date.now();
    if (wait <= 0) return fn();
    timer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
  };
  timer = setTimeout(arm, Math.max(0, Math.min(deadline - Date.now(), MAX_TIMER_MS)));
  return () => clearTimeout(timer);
}
