import { NextResponse, type NextRequest } from "next/server";
import { requestIdFrom } from "@/lib/request-context";

const securityHeaders: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * Runs before every route: gives the request an id (echoed in `x-request-id`, readable by server code from the
 * request headers) and sets security headers. It never decides who may see data.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  if (process.env.NODE_ENV === "production") response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Everything but static assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|.*\\.(?:png|jpg|jpeg|svg|webp|woff2?)$).*)"],
};
