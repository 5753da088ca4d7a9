// One call request to the app's serve endpoint, and what its answer means (InngestCommHandler.js handleAction:
// 200 function resolved, 206 ops, 500 retriable, 400 + x-inngest-no-retry: true not retriable).
import { HEADER, opsSchema, REQUEST_VERSION, toSerializedError, UnsupportedError, type Op, type SerializedError } from "./protocol";

export type CallResult =
  | { kind: "complete"; output: unknown }
  | { kind: "ops"; ops: Op[]; retryAfterMs?: number }
  | { kind: "error"; retriable: boolean; retryAfterMs?: number; error: SerializedError }
  | { kind: "unsupported"; error: UnsupportedError };

/**
 * The v2 call body (SDK spec 4.4.1; parsed by helpers/functions.js parseFnData). No ctx.fn_id: with it the SDK
 * switches to checkpointing against the Inngest API (InngestFunction.js shouldAsyncCheckpoint), not served here.
 */
export function callBody(run: {
  event: object;
  steps: Record<string, unknown>;
  runId: string;
  attempt: number;
  maxAttempts: number;
  disableImmediateExecution: boolean;
  stack: string[];
}): object {
  return {
    event: run.event,
    events: [run.event],
    steps: { ...run.steps },
    version: REQUEST_VERSION,
    ctx: {
      run_id: run.runId,
      attempt: run.attempt,
      // Sent so the SDK itself answers StepFailed / 400 no-retry on the last attempt (engine.js retriability).
      max_attempts: run.maxAttempts,
      disable_immediate_execution: run.disableImmediateExecution,
      use_api: false,
      // The JS SDK reads only stack.stack: the order to memoize steps in (SDK spec 5.4).
      stack: { stack: [...run.stack], current: run.stack.length },
    },
  };
}

/** `retry-after` is whole seconds or an ISO date (components/RetryAfterError.js). */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const snippet = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** POSTs `body` to `serveUrl?fnId=&stepId=` and classifies the answer. Never throws except on abort. */
export async function callFunction(serveUrl: string, fnId: string, stepId: string, body: object, signal: AbortSignal): Promise<CallResult> {
  const url = new URL(serveUrl);
  url.searchParams.set("fnId", fnId);
  url.searchParams.set("stepId", stepId);
  let res: Response;
  let text: string;
  // A signal of its own, linked to the executor's: fetch leaves its abort listener on the signal it is given
  // until garbage collection, and thousands of them on the one shared signal make every later call slower.
  const call = new AbortController();
  const abort = () => call.abort(signal.reason);
  signal.addEventListener("abort", abort, { once: true });
  try {
    res = await fetch(url, {
      method: "POST",
      // A redirect here is the app's auth proxy intercepting /api/inngest; following it would run nothing.
      redirect: "manual",
      headers: { "content-type": "application/json", [HEADER.serverKind]: "dev" },
      body: JSON.stringify(body),
      signal: call.signal,
    });
    text = await res.text();
  } catch (err) {
    if (signal.aborted) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "error", retriable: true, error: { name: "FetchError", message: `could not reach ${url.origin}${url.pathname}: ${cause?.code ?? cause?.message ?? String(err)}` } };
  } finally {
    signal.removeEventListener("abort", abort);
  }
  const json = parseJson(text);
  const retryAfter = retryAfterMs(res.headers.get(HEADER.retryAfter));
  if (res.status === 200) {
    if (json.ok) return { kind: "complete", output: json.value };
    return { kind: "error", retriable: true, error: { name: "Error", message: `serve endpoint answered 200 with a non-JSON body: ${snippet(text)}` } };
  }
  if (res.status === 206) {
    const ops = opsSchema.safeParse(json.ok ? json.value : undefined);
    if (ops.success) return { kind: "ops", ops: ops.data, retryAfterMs: retryAfter };
    return { kind: "unsupported", error: new UnsupportedError(`the 206 response body ${snippet(text)}`) };
  }
  if (res.status === 201) {
    return { kind: "unsupported", error: new UnsupportedError("streamed responses (status 201); unset INNGEST_STREAMING for the app") };
  }
  if (res.status >= 300 && res.status < 400) {
    const to = res.headers.get("location") ?? "?";
    return { kind: "error", retriable: false, error: { name: "Error", message: `serve endpoint redirected (${res.status}) to ${to}; exclude it from auth redirects` } };
  }
  if (res.status === 401) {
    const message = "serve endpoint refused the unsigned request (401): the app's Inngest client is in cloud mode; set INNGEST_DEV to this executor's URL";
    return { kind: "error", retriable: false, error: { name: "Error", message } };
  }
  const error = toSerializedError(json.ok ? json.value : undefined, `serve endpoint answered ${res.status}: ${snippet(text)}`);
  // The SDK marks every deliberate failure with x-inngest-no-retry; without it, only server errors are retried.
  const noRetry = res.headers.get(HEADER.noRetry);
  const retriable = noRetry === "true" ? false : noRetry === "false" ? true : res.status >= 500;
  return { kind: "error", retriable, retryAfterMs: retryAfter, error };
}
