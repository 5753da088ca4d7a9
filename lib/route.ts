import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { withTenant, type Tx } from "@/db/tenant";
import { deviceOf } from "./auth/request-info";
import { appUrl } from "./env";
import { getRequestSession, type Session } from "./auth/session";
import { AppError, internalError } from "./errors";
import { log } from "./log";
import { inOrg, userPrincipal, type Principal } from "./orgs/in-org";
import type { OrgContext } from "./orgs/membership";
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

/**
 * A request that changes something with the session cookie must come from the app's own pages: its Origin (sent
 * by browsers with every such request) is the app's or its Host's, and its Sec-Fetch-Site is not cross-site. A
 * forged form on another site carries the victim's cookie (sameSite=lax still sends it in some cases) but not our
 * Origin. Clients without Origin (curl, servers) are not browsers, so no cookie rides along without their consent.
 */
function requireSameOrigin(request: Request): void {
  if (safeMethods.has(request.method)) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const host = request.headers.get("host");
  const allowed = new Set([appUrl(), ...(host ? [`http://${host}`, `https://${host}`] : [])]);
  if ((origin && !allowed.has(origin)) || (site && site !== "same-origin" && site !== "none")) {
    throw new AppError("forbidden", "This request must come from the app's own pages.");
  }
}

/** The request's query and body, parsed with the route's schemas (422 with field errors). */
async function parseRequest<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(inputs: Inputs<B, Q>, request: Request) {
  const query = inputs.query ? parseInput(inputs.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined;
  if (inputs.body) requireJson(request);
  const body = inputs.body ? parseInput(inputs.body, await readJson(request)) : undefined;
  return { query: query as Out<Q>, body: body as Out<B> };
}

const PRIVATE = "private, no-store";

/** The response for anything a handler throws: an AppError as itself, anything else logged and made generic. */
export function errorResponse(err: unknown, requestId: string): Response {
  const appError = err instanceof AppError ? err : internalError();
  if (!(err instanceof AppError)) log.error({ err }, "unhandled error in route");
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": PRIVATE };
  if (appError.options.retryAfterSeconds) headers["retry-after"] = String(appError.options.retryAfterSeconds);
  return Response.json(appError.toBody(), { status: appError.status, headers });
}

/** A handler's result as a response: a Response as is, anything else as JSON; tagged with the request id. */
function toResponse(result: unknown, requestId: string): Response {
  const response = result instanceof Response ? result : Response.json(result ?? null);
  response.headers.set("x-request-id", requestId);
  // API answers are one caller's data: no shared cache (CDN, proxy) may keep them, and no browser cache either.
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", PRIVATE);
  return response;
}

function handle<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  inputs: Inputs<B, Q>,
  body: (ctx: RouteContext<Out<B>, Out<Q>>) => Promise<unknown>,
) {
  return async (request: Request, segment?: { params?: Promise<Params> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestContext({ requestId, ...deviceOf(request.headers) }, async () => {
      try {
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
 * Who calls an organization route: today the person of the session cookie (401 without one). API keys
 * (`Authorization: Bearer keel_…`) are the next kind of caller and are told apart here.
 */
async function authenticate(request: Request): Promise<{ principal: Principal; session: Session }> {
  const session = await requireApiSession(request);
  return { principal: userPrincipal(session), session };
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
 * A route handler for organization data under `[orgSlug]`: the caller (401), the organization through `inOrg`
 * (404 for a non-member, so slugs don't leak; 403 without `permission`), then the handler inside `withTenant`.
 */
export function orgRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  inputs: Inputs<B, Q> & { permission: Permission },
  handler: (ctx: RouteContext<Out<B>, Out<Q>> & { session: Session; org: OrgContext; tx: Tx }) => Promise<unknown>,
) {
  return handle(inputs, async (ctx) => {
    const { principal, session } = await authenticate(ctx.request);
    const org = await inOrg(principal, ctx.params.orgSlug, inputs.permission);
    return withTenant({ orgId: org.orgId, userId: org.userId }, (tx) => handler({ ...ctx, session, org, tx }));
  });
}
