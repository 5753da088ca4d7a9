import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/db/client";
import { withTenant, type Tx } from "@/db/tenant";
import { authenticate, type Caller } from "./api/authenticate";
import { requireSameOrigin } from "./api/same-origin";
import { withEtag } from "./api/etag";
import { idempotencyKeyOf, idempotent } from "./api/idempotency";
import { limitApiCaller } from "./api/rate-limit-headers";
import { deviceOf } from "./auth/request-info";
import { getRequestSession, type Session } from "./auth/session";
import { assertAdmin } from "./admin/require-admin";
import { AppError, internalError, unavailableError } from "./errors";
import { log } from "./log";
import { inOrg } from "./orgs/in-org";
import type { OrgContext } from "./orgs/membership";
import type { Permission } from "./orgs/permissions";
import { withOutbox } from "./outbox";
import { requestIdFrom, runWithRequestContext } from "./request-context";
import { meterApiRequest } from "./usage/meter-api-request";
import { parseInput } from "./validation";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Params = Record<string, string>;

/** What every route handler receives: parsed input, the request and its id, the URL's dynamic segments. */
export type RouteContext<B, Q> = { body: B; query: Q; request: Request; requestId: string; params: Params; /** The body as sent ("" for none). */ rawBody: string };

type Inputs<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = { body?: B; query?: Q };

function readJson(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_error", "The request body is not valid JSON.");
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A JSON API takes JSON only (415 otherwise): a browser sends `text/plain` or a form cross-origin without asking
 * (no CORS preflight), but never `application/json`.
 */
function requireJson(request: Request): void {
  if (safeMethods.has(request.method)) return;
  const hasBody = request.body !== null && request.headers.get("content-length") !== "0";
  if (!hasBody) return;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
}

/** The request's query and body, parsed with the route's schemas (422 with field errors). */
async function parseRequest<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(inputs: Inputs<B, Q>, request: Request) {
  const query = inputs.query ? parseInput(inputs.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined;
  if (inputs.body) requireJson(request);
  const rawBody = inputs.body ? await request.text() : "";
  const body = inputs.body ? parseInput(inputs.body, readJson(rawBody)) : undefined;
  return { query: query as Out<Q>, body: body as Out<B>, rawBody };
}

const PRIVATE = "private, no-store";

/** The response for anything a handler throws: an AppError as itself, anything else logged and made generic. */
export function errorResponse(err: unknown, requestId: string): Response {
  const unavailable = !(err instanceof AppError) && isDatabaseUnavailable(err);
  const appError = err instanceof AppError ? err : unavailable ? unavailableError() : internalError();
  if (unavailable) log.warn({ err: { message: (err as Error).message } }, "database unavailable; answered 503");
  else if (!(err instanceof AppError)) log.error({ err }, "unhandled error in route");
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": PRIVATE };
  if (appError.options.retryAfterSeconds) headers["retry-after"] = String(appError.options.retryAfterSeconds);
  return Response.json(appError.toBody(), { status: appError.status, headers });
}

/**
 * A response whose headers can still be set: `Response.redirect()` (and a `fetch()` answer) comes with immutable
 * headers, so tagging it would throw and turn a redirect into a 500; such a response is copied first.
 */
function mutable(response: Response): Response {
  try {
    response.headers.set("x-request-id", "");
    return response;
  } catch {
    return new Response(response.body, response);
  }
}

/** A handler's result as a response: a Response as is, anything else as JSON; tagged with the request id. */
function toResponse(result: unknown, requestId: string): Response {
  const response = mutable(asResponse(result));
  response.headers.set("x-request-id", requestId);
  // API answers are one caller's data: no shared cache (CDN, proxy) may keep them, and no browser cache either.
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", PRIVATE);
  return response;
}

const asResponse = (result: unknown): Response => (result instanceof Response ? result : Response.json(result ?? null));

function handle<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  inputs: Inputs<B, Q>,
  body: (ctx: RouteContext<Out<B>, Out<Q>>) => Promise<unknown>,
  /** Runs before the request is parsed: a route that must not exist for the caller answers 404 before validating. */
  gate?: (request: Request) => Promise<void>,
) {
  return async (request: Request, segment?: { params?: Promise<Params> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestContext({ requestId, ...deviceOf(request.headers) }, async () => {
      try {
        await gate?.(request);
        const parsed = await parseRequest(inputs, request);
        const params = (await segment?.params) ?? {};
        return toResponse(await withOutbox(() => body({ ...parsed, request, requestId, params })), requestId);
      } catch (err) {
        unstable_rethrow(err);
        return errorResponse(err, requestId);
      }
    });
  };
}

/** The signed-in person of a request (its session cookie), or `unauthorized`. */
async function requireApiSession(request: Request): Promise<Session> {
  const session = await getRequestSession(request);
  if (!session) throw new AppError("unauthorized", "Sign in to continue.");
  requireSameOrigin(request);
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
 * A route handler of the admin console (exports, chart data): the caller must be a platform admin with a session
 * from this site; anyone else gets 404, as from the admin pages. The handler reads around RLS with `withSystem`.
 */
export function adminRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  inputs: Inputs<B, Q>,
  handler: (ctx: RouteContext<Out<B>, Out<Q>> & { session: Session }) => Promise<unknown>,
) {
  return handle(
    inputs,
    async (ctx) => {
      const session = (await adminSessionOf(ctx.request))!;
      requireSameOrigin(ctx.request);
      return handler({ ...ctx, session });
    },
    async (request) => assertAdmin(await adminSessionOf(request)),
  );
}

// The session of an admin route's request, read once for the gate and the handler.
const adminSessions = new WeakMap<Request, Promise<Session | null>>();
function adminSessionOf(request: Request): Promise<Session | null> {
  let session = adminSessions.get(request);
  if (!session) adminSessions.set(request, (session = getRequestSession(request)));
  return session;
}

/** What an organization route's handler receives besides its input. */
export type OrgRouteContext = { caller: Caller; session: Session | null; org: OrgContext; tx: Tx };

/**
 * A route handler for organization data under `[orgSlug]`, in this order: the caller, by API key or session cookie
 * (401; lib/api/authenticate.ts); the caller's rate limit (`RateLimit-*` headers on every answer, 429 with
 * `Retry-After`); the organization through `inOrg` (404 for a non-member or another organization's key, so slugs
 * don't leak; 403 without `permission` in the role or the key's scopes); the request counted against the
 * organization's monthly API allowance (429 `quota_exceeded`); then the handler inside `withTenant`. POSTs with an
 * `Idempotency-Key` replay their first response; GETs answer with an `ETag` and honour `If-None-Match`.
 */
export function orgRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  inputs: Inputs<B, Q> & { permission: Permission },
  handler: (ctx: RouteContext<Out<B>, Out<Q>> & OrgRouteContext) => Promise<unknown>,
) {
  return handle(inputs, async (ctx) => {
    const caller = await authenticate(ctx.request);
    const limit = await limitApiCaller(caller.rateLimitId);
    let response: Response;
    try {
      if (limit.refusal) throw limit.refusal;
      const org = await inOrg(caller.principal, ctx.params.orgSlug, inputs.permission);
      await meterApiRequest(org);
      const key = ctx.request.method === "POST" ? idempotencyKeyOf(ctx.request) : undefined;
      const run = (tx: Tx) => handler({ ...ctx, caller, session: caller.session, org, tx }).then(asResponse);
      response = await withTenant({ orgId: org.orgId, userId: org.userId }, (tx) =>
        key
          ? idempotent(tx, { orgId: org.orgId, caller: org.apiKeyId ? `key:${org.apiKeyId}` : `user:${org.userId}`, key }, `${ctx.request.method} ${new URL(ctx.request.url).pathname}\n${ctx.rawBody}`, () => run(tx))
          : run(tx),
      );
      response = await withEtag(ctx.request, response);
    } catch (err) {
      unstable_rethrow(err);
      response = errorResponse(err, ctx.requestId);
    }
    for (const [name, value] of Object.entries(limit.headers)) response.headers.set(name, value);
    return response;
  });
}
