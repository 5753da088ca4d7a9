import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line and every event of one request (or one job run) carries. */
export type RequestContext = { requestId: string; runId?: string; functionId?: string; ip?: string; userAgent?: string | null };

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `ctx` as the current request context (wrappers and the job middleware call this). */
export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The current request context, if code runs inside one. */
export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

// A caller's id is kept when it looks like one, so logs join up across hops; anything else is replaced.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request id from `x-request-id` (set by proxy.ts), or a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
