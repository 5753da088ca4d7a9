import { getRequestSession, type Session } from "@/lib/auth/session";
import { API_KEY_PREFIX } from "@/lib/api-keys/key-format";
import { resolveApiKey } from "@/lib/api-keys/resolve-api-key";
import { AppError } from "@/lib/errors";
import { userPrincipal, type Principal } from "@/lib/orgs/in-org";
import { requireSameOrigin } from "./same-origin";

/** Who sent a request: the principal `inOrg` resolves, the session when it came from a browser, and its rate-limit identity. */
export type Caller = { principal: Principal; session: Session | null; rateLimitId: string };

/**
 * The one authenticator of route handlers: `Authorization: Bearer keel_…` (an organization API key) or else the
 * session cookie (a signed-in browser). A request that sends an Authorization header is judged by it alone, so a
 * bad key never falls back to a cookie the same client happens to carry. 401 without either; a cookie-authenticated
 * change from another site's page is 403.
 */
export async function authenticate(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const [scheme, secret, ...rest] = authorization.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== "bearer" || !secret?.startsWith(API_KEY_PREFIX) || rest.length) {
      throw new AppError("unauthorized", "Send an API key as Authorization: Bearer keel_….");
    }
    const principal = await resolveApiKey(secret);
    return { principal, session: null, rateLimitId: `key:${principal.keyId}` };
  }
  const session = await getRequestSession(request);
  if (!session) throw new AppError("unauthorized", "Sign in, or send an API key as Authorization: Bearer keel_….");
  // The cookie rides along with a forged cross-site request; a key never does.
  requireSameOrigin(request);
  return { principal: userPrincipal(session), session, rateLimitId: `session:${session.id}` };
}
