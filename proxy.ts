import { NextResponse, type NextRequest } from "next/server";
import { isAppPath } from "@/lib/app-paths";
import { impersonationReturnCookie, sessionCookie } from "@/lib/auth/cookies";
import { requestIdFrom } from "@/lib/request-context";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";

function signInRedirect(request: NextRequest): URL {
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return url;
}

/**
 * Runs before every route: gives the request an id (echoed in `x-request-id`, readable by server code from the
 * request headers), passes the path to pages as `x-pathname`, sends signed-out visitors of app pages to sign-in,
 * and sets the Content Security Policy (lib/security/csp.ts; the headers every response shares are in next.config.ts).
 * It never decides who may see data.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const { pathname, search } = request.nextUrl;
  // Signed-out visitors of app pages go to sign-in and come back; whether a session is *valid*, and what it may
  // see, is decided later by the page (requireSession) and the database, never here.
  // An admin whose impersonation cookie has expired is still signed in through the return cookie (lib/auth/session.ts).
  const hasSession = request.cookies.has(sessionCookie.name) || request.cookies.has(impersonationReturnCookie.name);
  const redirectTo = isAppPath(pathname) && !hasSession ? signInRedirect(request) : null;
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-pathname", pathname + search);
  const csp = contentSecurityPolicy(pathname, headers);

  const response = redirectTo ? NextResponse.redirect(redirectTo) : NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  csp.apply(response);
  return response;
}

export const config = {
  // Everything but static assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|.*\\.(?:png|jpg|jpeg|svg|webp|woff2?)$).*)"],
};
