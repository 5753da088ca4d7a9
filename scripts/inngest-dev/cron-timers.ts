// Arms one timer per (function, cron trigger) and re-arms after each firing. Re-syncs keep existing timers, so a
// function whose schedule did not change never skips or doubles a firing.
import { parseCron, nextCronTime } from "./cron";
import { parseTimeStr, setDeadlineTimer } from "./duration";
import { errorFromThrown } from "./protocol";
import type { FnDef } from "./registry";
import type { Log } from "./state";

export class CronTimers {
  private readonly timers = new Map<string, () => void>();

  constructor(
    private readonly fire: (fnId: string, cron: string) => void,
    private readonly log: Log,
  ) {}

  /** Makes the armed timers match the cron triggers of `fns`. */
  update(fns: FnDef[]): void {
    const wanted = new Map<string, { fnId: string; cron: string; jitter?: string }>();
    for (const fn of fns) {
      for (const trigger of fn.triggers) {
        if ("cron" in trigger) wanted.set(`${fn.id}\n${trigger.cron}`, { fnId: fn.id, ...trigger });
      }
    }
    for (const [key, cancel] of this.timers) {
      if (!wanted.has(key)) {
        cancel();
        this.timers.delete(key);
      }
    }
    for (const [key, spec] of wanted) if (!this.timers.has(key)) this.arm(key, spec, Date.now());
  }

  stop(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private arm(key: string, spec: { fnId: string; cron: string; jitter?: string }, after: number): void {
    let next: number;
    try {
      next = nextCronTime(parseCron(spec.cron), after);
    } catch (err) {
      this.log({ level: "error", msg: "cron trigger not scheduled", functionId: spec.fnId, cron: spec.cron, error: errorFromThrown(err).message });
      return;
    }
    // Inngest delays a jittered cron run by a random part of the jitter window.
    const jitterMs = spec.jitter ? Math.random() * (parseTimeStr(spec.jitter) ?? 0) : 0;
    const cancel = setDeadlineTimer(next + jitterMs, () => {
      if (this.timers.get(key) !== cancel) return;
      this.fire(spec.fnId, spec.cron);
      this.arm(key, spec, next);
    });
    this.timers.set(key, cancel);
  }
}
