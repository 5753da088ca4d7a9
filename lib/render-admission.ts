import { headers } from "next/headers";
import { after } from "next/server";
import { env } from "./env";

/** A counting semaphore whose holders can give up their place in the queue as well as their slot. */
export function createAdmission(limit: number) {
  let active = 0;
  const queue: Array<{ grant: () => void }> = [];
  const next = () => {
    while (active < limit && queue.length > 0) {
      active++;
      queue.shift()!.grant();
    }
  };
  return {
    /** Waits for a slot (`ready`); `release()` frees it, or leaves the queue when called before the slot came. */
    enter() {
      let granted = false;
      let done = false;
      let resolve!: () => void;
      const ready = new Promise<void>((r) => (resolve = r));
      const entry = { grant: () => ((granted = true), resolve()) };
      if (active < limit) {
        active++;
        entry.grant();
      } else queue.push(entry);
      const release = () => {
        if (done) return;
        done = true;
        if (granted) {
          active--;
          next();
        } else queue.splice(queue.indexOf(entry), 1);
      };
      return { ready, release };
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

// Per process, kept across dev reloads; requests already holding a slot, by request id.
const holder = globalThis as typeof globalThis & { __keelRenderAdmission?: { admission: ReturnType<typeof createAdmission>; held: Set<string> } };

/**
 * Admits the current request to render a signed-in page: at most RENDER_CONCURRENCY of them render at once, the
 * others wait here, before they have rendered or allocated anything, until a response has been sent. Without it,
 * a warm cache lets every connection render its layout at once and then wait, holding it, for a database
 * connection: under 32 connections that kept three times as many objects alive through each young-generation
 * GC and made a cached page cost more CPU than an uncached one (issue 11). A request takes one slot however often
 * it asks; it is freed by `after()`, when the response is finished. Outside a request (tests, scripts) it does nothing.
 */
export async function admitRender(): Promise<void> {
  let requestId: string | null;
  try {
    requestId = (await headers()).get("x-request-id");
  } catch {
    return;
  }
  if (!requestId) return;
  holder.__keelRenderAdmission ??= { admission: createAdmission(env().RENDER_CONCURRENCY), held: new Set() };
  const { admission, held } = holder.__keelRenderAdmission;
  if (held.has(requestId)) return;
  const slot = admission.enter();
  held.add(requestId);
  try {
    after(() => {
      held.delete(requestId);
      slot.release();
    });
  } catch {
    // No response to wait for (after() throws outside a request): nothing to hold a slot for.
    held.delete(requestId);
    slot.release();
    return;
  }
  await slot.ready;
}
