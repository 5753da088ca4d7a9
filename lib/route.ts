import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, internalError } from "./errors";
import { log } from "./log";
import { withOutbox } from "./outbox";
import { requestIdFrom, runWithRequestContext } from "./request-context";
import { parseInput } from "./validation";

/** What a route handler receives: parsed input and the request's id. */
export type RouteContext<B, Q> = { body: B; query: Q; request: Request; requestId: string; params: Record<string, string> };

type RouteOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = { body?: B; query?: Q };
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_error", "The request body is not valid JSON.");
  }
}

/** The response for anything a handler throws: an AppError as itself, anything else logged and made generic. */
export function errorResponse(err: unknown, requestId: string): Response {
  const appError = err instanceof AppError ? err : internalError();
  if (!(err instanceof AppError)) log.error({ err }, "unhandled error in route");
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (appError.options.retryAfterSeconds) headers["retry-after"] = String(appError.options.retryAfterSeconds);
  return Response.json(appError.toBody(), { status: appError.status, headers });
}

/**
 * Wraps a route handler in Keel's one shape: request id and log context, input parsed with zod (422 with field
 * errors), events enqueued by the handler published after it, and one error body for every failure.
 * A handler returns a Response, or data that is sent as JSON.
 */
export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: RouteOptions<B, Q>,
  handler: (ctx: RouteContext<Out<B>, Out<Q>>) => Promise<unknown>,
) {
  return async (request: Request, segment?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestContext({ requestId }, async () => {
      try {
        const query = options.query ? parseInput(options.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined;
        const body = options.body ? parseInput(options.body, await readJson(request)) : undefined;
        const params = (await segment?.params) ?? {};
        const result = await withOutbox(() => handler({ body: body as Out<B>, query: query as Out<Q>, request, requestId, params }));
        const response = result instanceof Response ? result : Response.json(result ?? null);
        response.headers.set("x-request-id", requestId);
        return response;
      } catch (err) {
        unstable_rethrow(err);
        return errorResponse(err, requestId);
      }
    });
  };
}
