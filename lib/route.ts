import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { withTenant, type Tx } from "@/db/tenant";
import { deviceOf } from "./auth/request-info";
import { getRequestSession, type Session } from "./auth/session";
import { AppError, internalError } from "./errors";
import { log } from "./log";
import { assertCan, findOrgContext, type OrgContext } from "./orgs/membership";
import type { Permission } from "./orgs/permissions";
import { withOutbox } from "./outbox";
import { requestIdFrom, runWithRequestContext } from "./request-context";
import { parseInput } from "./validation";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Params = Record<string, string>;

/** What every route handler receives: parsed input, the request and its id, the URL's dynamic segments. */
export type RouteContext<B, Q> = { body: B; query: Q; request: Request; requestId: string; params: Params };

type Inputs<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = { body?: B; query?: Q };

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

function handle<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  inputs: Inputs<B, Q>,
  body: (ctx: RouteContext<Out<B>, Out<Q>>) => Promise<unknown>,
) {
  return async (request: Request, segment?: { params?: Promise<Params> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestContext({ requestId, ...deviceOf(request.headers) }, async () => {
      try {
        const query = inputs.query ? parseInput(inputs.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined;
        const parsed = inputs.body ? parseInput(inputs.body, await readJson(request)) : undefined;
        const params = (await segment?.params) ?? {};
        const result = await withOutbox(() => body({ body: parsed as Out<B>, query: query as Out<Q>, request, requestId, params }));
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

async function requireApiSession(request: Request): Promise<Session> {
  const session = await getRequestSession(request);
  if (!session) throw new AppError("unauthorized", "Sign in to continue.");
  return session;
}

/**
 * A public route handler in Keel's one shape: request id and log context, input parsed with zod (422 with field
 * errors), events it enqueued published after it, one error body for every failure. Returns a Response, or data
 * sent as JSON.
 */
export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  inputs: Inputs<B, Q>,
  handler: (ctx: RouteContext<Out<B>, Out<Q>>) => Promise<unknown>,
) {
  return handle(inputs, handler);
}

/** A route handler for a signed-in person (401 without a session). */
export function userRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  inputs: Inputs<B, Q>,
  handler: (ctx: RouteContext<Out<B>, Out<Q>> & { session: Session }) => Promise<unknown>,
) {
  return handle(inputs, async (ctx) => handler({ ...ctx, session: await requireApiSession(ctx.request) }));
}

/**
 * A route handler for organization data under `[orgSlug]`: session (401), membership (404 for a non-member, so
 * slugs don't leak), `permission` (403), then the handler inside `withTenant`.
 */
export function orgRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  inputs: Inputs<B, Q> & { permission: Permission },
  handler: (ctx: RouteContext<Out<B>, Out<Q>> & { session: Session; org: OrgContext; tx: Tx }) => Promise<unknown>,
) {
  return handle(inputs, async (ctx) => {
    const session = await requireApiSession(ctx.request);
    const org = await findOrgContext(session.user.id, ctx.params.orgSlug ?? "");
    if (!org) throw new AppError("not_found", "Not found.");
    assertCan(org, inputs.permission);
    return withTenant({ orgId: org.orgId, userId: session.user.id }, (tx) => handler({ ...ctx, session, org, tx }));
  });
}
