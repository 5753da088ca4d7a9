// Function concurrency: Inngest limits how many *steps* (SDK requests) of a key run at once, not how many runs
// exist, so a sleeping or waiting run holds no slot. Each request takes every slot its function's limits name.
import { compileExpression } from "./expression";
import type { InngestEvent } from "./events";
import type { FnDef } from "./registry";

type Slot = { active: number; queue: Array<() => void> };

export class ConcurrencyGate {
  private readonly slots = new Map<string, Slot>();

  /** The slot keys (with limits) a request of `fn` for `event` needs; throws UnsupportedError for a bad key. */
  keysFor(fn: FnDef, event: InngestEvent): Array<{ key: string; limit: number }> {
    return fn.concurrency
      .filter((c) => c.limit > 0) // 0 means "no limit" (SDK spec, function config `concurrency`)
      .map((c) => {
        const scope = c.scope === "fn" ? `fn:${fn.id}` : c.scope;
        const value = c.key ? JSON.stringify(compileExpression(c.key)({ event })) : "";
        return { key: `${scope}:${c.key ?? ""}=${value}`, limit: c.limit };
      });
  }

  /**
   * Waits for a free slot under every key and returns the release function. Keys are taken in sorted order, so two
   * requests needing the same pair of keys can never hold one each and deadlock.
   */
  async acquire(keys: Array<{ key: string; limit: number }>): Promise<() => void> {
    const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
    const held: string[] = [];
    for (const { key, limit } of sorted) {
      const slot = this.slots.get(key) ?? { active: 0, queue: [] };
      this.slots.set(key, slot);
      if (slot.active >= limit) await new Promise<void>((resolve) => slot.queue.push(resolve));
      else slot.active++;
      held.push(key);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const key of held.reverse()) this.release(key);
    };
  }

  private release(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    const next = slot.queue.shift();
    // Hand the slot straight to the next waiter: `active` stays the same.
    if (next) next();
    else if (--slot.active === 0) this.slots.delete(key);
  }
}
