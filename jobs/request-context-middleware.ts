import { Middleware } from "inngest";
import { runWithRequestContext } from "@/lib/request-context";

type Args = { ctx: { runId: string; event?: { data?: unknown } }; fn: { id: () => string }; next: () => Promise<unknown> };

// The run's context: the request id of the event that caused the run (the run's own id if it has none).
function inContext({ ctx, fn, next }: Args): Promise<unknown> {
  const data = (ctx.event?.data ?? {}) as { requestId?: unknown };
  const requestId = typeof data.requestId === "string" ? data.requestId : ctx.runId;
  return runWithRequestContext({ requestId, runId: ctx.runId, functionId: fn.id() }, () => next());
}

/**
 * Runs every function invocation and every step inside the request context of the event that caused it, so the
 * job's log lines (and any event it enqueues) carry the same `requestId` as the request that started it all.
 * Both hooks: the SDK runs a step's body outside the handler's async chain.
 */
export class RequestContextMiddleware extends Middleware.BaseMiddleware {
  readonly id = "keel/request-context";

  override wrapFunctionHandler(args: Middleware.WrapFunctionHandlerArgs): Promise<unknown> {
    return inContext(args);
  }

  override wrapStepHandler(args: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    return inContext(args);
  }
}
