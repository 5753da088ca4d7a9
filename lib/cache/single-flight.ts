/**
 * Collapses concurrent calls for one key into one: while a call for `key` is in flight, later callers get its
 * promise instead of starting their own. Its result or error reaches all of them, and the key is free again as
 * soon as it settles, so an error is never remembered.
 */
export function createSingleFlight() {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, call: () => Promise<T>): Promise<T> {
      const pending = inFlight.get(key);
      if (pending) return pending as Promise<T>;
      const started = Promise.resolve()
        .then(call)
        .finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    /** Calls in flight right now. */
    get size() {
      return inFlight.size;
    },
  };
}
