import { errorResponse } from "@/lib/route";
import { requestIdFrom, runWithRequestContext } from "@/lib/request-context";
import { handlers } from "./auth";
import { enforceRateLimits } from "./limits";
import { deviceOf } from "./request-info";

type Handler = (request: Request) => Promise<Response>;

// Auth.js reads a NextRequest's `nextUrl`; its handlers accept a plain Request at runtime.
const authGet = handlers.GET as unknown as Handler;
const authPost = handlers.POST as unknown as Handler;

function withContext(request: Request, fn: (requestId: string, ip: string) => Promise<Response>): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const device = deviceOf(request.headers);
  // The request context gives audit entries written by Auth.js events their IP, browser and request id.
  return runWithRequestContext({ requestId, ...device }, () => fn(requestId, device.ip));
}

/** GET /api/auth/* - Auth.js (OAuth callbacks, magic-link callbacks, CSRF token). */
export function authRouteGet(request: Request): Promise<Response> {
  return withContext(request, () => authGet(request));
}

/** POST /api/auth/* - Auth.js, with sign-in attempts (`/signin/<provider>`) rate-limited per IP. */
export function authRoutePost(request: Request): Promise<Response> {
  return withContext(request, async (requestId, ip) => {
    if (/\/signin(\/|$)/.test(new URL(request.url).pathname)) {
      try {
        await enforceRateLimits(["signIn", ip]);
      } catch (err) {
        return errorResponse(err, requestId);
      }
    }
    return authPost(request);
  });
}
