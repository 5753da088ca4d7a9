import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { requestIdFrom } from "@/lib/request-context";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";

// Pages anyone may open. Everything else (org pages, /account, /new) needs a session cookie.
const publicPrefixes = ["/pricing", "/docs/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/verify-email", "/check-email", "/api/", "/dev/", "/invitations/", "/_next/"];

/** Whether a path is open to signed-out visitors (the landing page, auth pages, APIs, dev tools, invitations). */
export function isPublicPath(pathname: string): boolean {
  if (pathname === "/" || pathname === "/dev" || pathname === "/api") return true;
  if (/\.[a-z0-9]+$/i.test(pathname)) return true;
  return publicPrefixes.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

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
  const redirectTo = !isPublicPath(pathname) && !request.cookies.has(sessionCookie.name) ? signInRedirect(request) : null;
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
