// The event API's bookkeeping: validates what `send()` posts, gives each event an id and a timestamp, and drops
// events whose id was already seen in the last 24 hours, as Inngest does.
import { seededEventIds, ulid } from "./ids";
import { incomingEventSchema } from "./protocol";

export interface InngestEvent {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  [key: string]: unknown;
}

const DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000;

export class EventLog {
  /** Dedupe key -> expiry. A fixed window keeps insertion order equal to expiry order, so pruning stops early. */
  private readonly seen = new Map<string, number>();

  /**
   * Parses `payloads` (throws ZodError naming the bad event) and returns an id for every event plus the events
   * that are new. The user's `id` is the dedupe key; without one, the id derived from the SDK's seed header is,
   * so a retried `send()` is also ignored.
   */
  accept(payloads: unknown[], seed: string | undefined, now = Date.now()): { ids: string[]; fresh: InngestEvent[] } {
    const parsed = payloads.map((payload) => incomingEventSchema.parse(payload));
    this.prune(now);
    const ids = seed ? seededEventIds(seed, parsed.length) : parsed.map(() => ulid(now));
    const fresh: InngestEvent[] = [];
    parsed.forEach((event, i) => {
      const internalId = ids[i] ?? ulid(now);
      const key = event.id ? `user:${event.id}` : seed ? `seed:${internalId}` : undefined;
      if (key && this.seen.has(key)) return;
      if (key) this.seen.set(key, now + DEDUPE_WINDOW_MS);
      const { data, id, ts, user, v, ...rest } = event;
      fresh.push({
        ...rest,
        name: event.name,
        data: data ?? {},
        id: id ?? internalId,
        ts: ts ?? now,
        ...(user ? { user } : {}),
        ...(v ? { v } : {}),
      });
    });
    return { ids, fresh };
  }

  /** An event raised by the executor itself (cron ticks, invokes, function.finished): never deduplicated. */
  internal(name: string, data: Record<string, unknown>): InngestEvent {
    const now = Date.now();
    return { name, data, id: ulid(now), ts: now };
  }

  private prune(now: number): void {
    for (const [key, expiry] of this.seen) {
      if (expiry > now) break;
      this.seen.delete(key);
    }
  }
}
