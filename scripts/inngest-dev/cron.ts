// Standard 5-field cron ("minute hour day-of-month month day-of-week"), with an optional "TZ=Area/City " prefix
// and the usual @hourly-style macros. Like Inngest, schedules without a TZ run in UTC.
import { UnsupportedError } from "./protocol";

export interface CronSchedule {
  source: string;
  timeZone: string;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Classic cron: when both day fields are restricted, a day matching either one fires. */
  anyDay: boolean;
}

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

function parseField(field: string, min: number, max: number, names: string[], offset: number, source: string): Set<number> {
  const refuse = (): never => {
    throw new UnsupportedError(`the cron field "${field}" in "${source}"`);
  };
  const value = (text: string): number => {
    const named = names.indexOf(text.toUpperCase());
    const n = named >= 0 ? named + offset : /^\d+$/.test(text) ? Number(text) : Number.NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : refuse();
  };
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : /^\d+$/.test(stepText) && Number(stepText) > 0 ? Number(stepText) : refuse();
    let from: number;
    let to: number;
    if (range === "*" || range === "?") [from, to] = [min, max];
    else if (range.includes("-")) {
      const [a = "", b = ""] = range.split("-");
      [from, to] = [value(a), value(b)];
    } else [from, to] = [value(range), stepText === undefined ? value(range) : max];
    if (from > to) refuse();
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Parses a cron expression; throws UnsupportedError for anything else (seconds fields, @every, bad zones). */
export function parseCron(source: string): CronSchedule {
  let text = source.trim();
  let timeZone = "UTC";
  const tz = text.match(/^(?:CRON_)?TZ=(\S+)\s+(.*)$/);
  if (tz) [timeZone, text] = [tz[1] ?? "UTC", tz[2] ?? ""];
  try {
    formatter(timeZone);
  } catch {
    throw new UnsupportedError(`the time zone "${timeZone}" in cron "${source}"`);
  }
  const fields = (MACROS[text] ?? text).split(/\s+/);
  if (fields.length !== 5) throw new UnsupportedError(`the cron "${source}" (expected 5 fields)`);
  const [minute = "", hour = "", day = "", month = "", weekday = ""] = fields;
  const weekdays = parseField(weekday, 0, 7, DAY_NAMES, 0, source);
  if (weekdays.delete(7)) weekdays.add(0); // 7 is Sunday too
  const restricted = (f: string) => !(f === "*" || f === "?");
  return {
    source,
    timeZone,
    minutes: parseField(minute, 0, 59, [], 0, source),
    hours: parseField(hour, 0, 23, [], 0, source),
    days: parseField(day, 1, 31, [], 0, source),
    months: parseField(month, 1, 12, MONTH_NAMES, 1, source),
    weekdays,
    anyDay: restricted(day) && restricted(weekday),
  };
}

function localFields(ms: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: DAY_NAMES.indexOf((parts.weekday ?? "").toUpperCase()),
  };
}

const MINUTE = 60_000;

/**
 * The first whole minute strictly after `afterMs` at which the schedule fires. Walks forward in local time,
 * skipping a whole day or hour at a time when those fields cannot match; day skips stop at 23:00 first, so a
 * daylight-saving shift can never carry the walk past a local midnight.
 */
export function nextCronTime(schedule: CronSchedule, afterMs: number): number {
  let t = Math.floor(afterMs / MINUTE) * MINUTE + MINUTE;
  for (let i = 0; i < 50_000; i++) {
    const f = localFields(t, schedule.timeZone);
    const dayOk = schedule.anyDay
      ? schedule.days.has(f.day) || schedule.weekdays.has(f.weekday)
      : schedule.days.has(f.day) && schedule.weekdays.has(f.weekday);
    if (!schedule.months.has(f.month) || !dayOk) {
      t += (f.hour < 23 ? (23 - f.hour) * 60 - f.minute : 60 - f.minute) * MINUTE;
    } else if (!schedule.hours.has(f.hour)) t += (60 - f.minute) * MINUTE;
    else if (!schedule.minutes.has(f.minute)) t += MINUTE;
    else return t;
  }
  throw new UnsupportedError(`the cron "${schedule.source}" (it never fires)`);
}
