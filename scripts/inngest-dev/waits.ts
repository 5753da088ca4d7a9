// Runs paused in step.waitForEvent, matched against every later event. One event may resume many waits.
import type { InngestEvent } from "./events";

export interface Wait {
  runId: string;
  eventName: string;
  /** True when `event` resumes this wait; may throw (an unsupported expression), which fails that run. */
  matches(event: InngestEvent): boolean;
  resume(event: InngestEvent): void;
  fail(err: unknown): void;
}

export class Waits {
  private readonly waits = new Set<Wait>();

  /** Registers a wait; the returned function removes it (timeout, run finished). */
  add(wait: Wait): () => void {
    this.waits.add(wait);
    return () => this.waits.delete(wait);
  }

  /** Resumes every wait `event` matches; each wait resumes at most once. */
  offer(event: InngestEvent): void {
    for (const wait of [...this.waits]) {
      if (wait.eventName !== event.name || !this.waits.has(wait)) continue;
      let matched: boolean;
      try {
        matched = wait.matches(event);
      } catch (err) {
        this.waits.delete(wait);
        wait.fail(err);
        continue;
      }
      if (!matched) continue;
      this.waits.delete(wait);
      wait.resume(event);
    }
  }
}
