import { AsyncLocalStorage } from "node:async_hooks";

// The outbox ids enqueued during one unit of work (a request, a job step), published once it is over.
const scope = new AsyncLocalStorage<string[]>();

/** Runs `fn` collecting the ids `enqueue` writes, and returns them with its result (or its error). */
export async function collectEnqueued<T>(fn: () => Promise<T>): Promise<{ ids: string[]; result: PromiseSettledResult<T> }> {
  const ids: string[] = [];
  const result = await scope.run(ids, () => fn().then(
    (value): PromiseSettledResult<T> => ({ status: "fulfilled", value }),
    (reason: unknown): PromiseSettledResult<T> => ({ status: "rejected", reason }),
  ));
  return { ids, result };
}

/** Notes an id for publishing when the current unit of work ends (outside one, the relay picks it up). */
export function noteEnqueued(id: string): void {
  scope.getStore()?.push(id);
}
