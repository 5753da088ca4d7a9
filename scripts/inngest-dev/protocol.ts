// The slice of Inngest's SDK protocol (request version 2) this executor speaks, as implemented by the pinned
// SDK in node_modules/inngest. Every shape the SDK sends back is parsed here; anything else is refused loudly.
import { z } from "zod";

/** Header names, as in node_modules/inngest/helpers/consts.js (`headerKeys`). */
export const HEADER = {
  syncKind: "x-inngest-sync-kind",
  serverKind: "x-inngest-server-kind",
  noRetry: "x-inngest-no-retry",
  retryAfter: "retry-after",
  eventIdSeed: "x-inngest-event-id-seed",
} as const;

/** The body `version` we send; v2 lets the executor run planned steps in parallel (helpers/consts.js ExecutionVersion). */
export const REQUEST_VERSION = 2;

/** Internal event names (helpers/consts.js `internalEvents`). */
export const INTERNAL_EVENT = {
  failed: "inngest/function.failed",
  finished: "inngest/function.finished",
  cancelled: "inngest/function.cancelled",
  invoked: "inngest/function.invoked",
  scheduled: "inngest/scheduled.timer",
} as const;

/** Thrown for any op, config field, expression or response shape this executor does not implement. */
export class UnsupportedError extends Error {
  constructor(what: string) {
    super(`dev executor does not support ${what}`);
    this.name = "UnsupportedError";
  }
}

/** An error as the SDK serializes it (helpers/errors.js serializeError): extra keys such as `cause` pass through. */
export type SerializedError = { name: string; message: string; stack?: string; [key: string]: unknown };

const errorBodySchema = z.looseObject({
  name: z.string().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
  stack: z.string().optional(),
});

/** Reads an SDK error body the way types.js `jsonErrorSchema` does: `name` and `message` always present. */
export function toSerializedError(body: unknown, fallbackMessage: string): SerializedError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { name: "Error", message: fallbackMessage };
  const { name, message, error, ...rest } = parsed.data;
  return { ...rest, name: name || "Error", message: message || error || fallbackMessage };
}

/** Turns anything thrown inside the executor into the serialized shape runs report. */
export function errorFromThrown(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: "Error", message: String(err) };
}

/** One op of a 206 response (components/InngestCommHandler.js "steps-found" / "step-ran"). */
export const opSchema = z.looseObject({
  id: z.string().min(1),
  op: z.string().min(1),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).nullish(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type Op = z.infer<typeof opSchema>;

/** The SDK never answers 206 with an empty list: steps-found is only returned for a non-empty list. */
export const opsSchema = z.array(opSchema).min(1);

/** `step.waitForEvent`: v4 puts the event name in `name`; the SDK spec puts it in `opts.event`. Both accepted. */
export const waitForEventOptsSchema = z.looseObject({
  event: z.string().optional(),
  timeout: z.string().min(1),
  if: z.string().optional(),
});

/** `step.invoke` (components/InngestStepTools.js `invoke`). */
export const invokeOptsSchema = z.looseObject({
  function_id: z.string().min(1),
  payload: z.looseObject({ data: z.record(z.string(), z.unknown()).nullish(), v: z.string().optional() }),
  timeout: z.string().optional(),
});

const concurrencyOptionSchema = z.object({
  limit: z.number(),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});

/** A function config from a sync (InngestFunction.js getConfig); unknown keys are kept so they can be refused. */
export const functionConfigSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z.array(
    z.union([
      z.object({ event: z.string().min(1), expression: z.string().optional() }),
      z.object({ cron: z.string().min(1), jitter: z.string().optional() }),
    ]),
  ),
  steps: z.record(
    z.string(),
    z.looseObject({ retries: z.object({ attempts: z.number().int().min(0).optional() }).optional() }),
  ),
  concurrency: z.union([z.number(), concurrencyOptionSchema, z.array(concurrencyOptionSchema)]).optional(),
  cancel: z.array(z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() })).optional(),
  idempotency: z.string().optional(),
});
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

/** Body of a 200 answer to an in-band sync (InngestCommHandler.js inBandRegisterBody). */
export const inBandSyncResponseSchema = z.looseObject({
  app_id: z.string().min(1),
  functions: z.array(z.unknown()),
});

/** Body the SDK POSTs to `${apiBaseUrl}/fn/register` for an out-of-band sync (InngestCommHandler.js registerBody). */
export const outOfBandRegisterSchema = z.looseObject({
  appName: z.string().min(1),
  functions: z.array(z.unknown()),
});

/** One event as `inngest.send()` posts it (components/Inngest.js `_send`); extra keys such as `meta` pass through. */
export const incomingEventSchema = z.looseObject({
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().nullish(),
  ts: z.number().nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
  v: z.string().nullish(),
});
