import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache as perRequest } from "react";
import { deleteSessions, findSessionWithUser, insertSession, touchSession } from "@/db/queries/sessions";
import { withUser } from "@/db/tenant";
import { afterResponse } from "@/lib/after-response";
import { cache } from "@/lib/cache";
import { admitRender } from "@/lib/render-admission";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, impersonationReturnCookie, sessionCookie } from "./cookies";
import { assertNotDisabled } from "./disabled";
import { deviceOf, requestInfo } from "./request-info";
import { hashToken, newToken } from "./tokens";

/** The signed-in person as every page and action sees them. */
export type SessionUser = { id: string; email: string; name: string | null; image: string | null; isPlatformAdmin: boolean; emailVerified: boolean };

/** The platform admin behind an impersonation session. */
export type Impersonator = { id: string; email: string; name: string | null };

/**
 * The current session: its public id, its user, and, on an impersonation session, the platform admin acting as
 * that user (whose own session waits in the return cookie: lib/admin/impersonation.ts).
 */
export type Session = { id: string; user: SessionUser; impersonator: Impersonator | null };

// Sessions are read through the cache, keyed on the token's hash (what the database stores too: see
// db/queries/sessions.ts); every revocation deletes the key, so a revoked session fails at once.
const SESSION_TTL_SECONDS = 120;
const LAST_SEEN_EVERY_MS = 5 * 60_000;
const keyOfHash = (tokenHash: string) => `session:${tokenHash}`;
const sessionKey = (token: string) => keyOfHash(hashToken(token));

async function loadSession(token: string) {
  const row = await findSessionWithUser(token);
  // A disabled person has no sessions (disabling deletes them); this is the belt to that pair of braces.
  if (!row || row.user.disabledAt) return null;
  const { id, email, name, image, emailVerified, isPlatformAdmin } = row.user;
  return {
    ...row,
    // An impersonation session never carries platform admin, whoever the person is.
    user: { id, email, name, image, emailVerified: emailVerified !== null, isPlatformAdmin: row.impersonator ? false : isPlatformAdmin },
    impersonator: row.impersonator?.id ? row.impersonator : null,
  };
}

/** The session a cookie token names, from the cache when warm; null when unknown or expired. */
export async function readSession(token: string, device: { ip: string; userAgent: string | null }): Promise<Session | null> {
  const row = await cache.getOrSet(sessionKey(token), SESSION_TTL_SECONDS, () => loadSession(token));
  if (!row) return null;
  const now = Date.now();
  if (new Date(row.expires).getTime() <= now) return null;
  const impersonator = row.impersonator ?? null;
  // Activity for the sessions page, and a sliding expiry, written after the response and at most every few minutes.
  // Never on an impersonation session: its 30 minutes are fixed, and an admin's visit is not the person's activity.
  if (!impersonator && (now - new Date(row.lastSeenAt).getTime() > LAST_SEEN_EVERY_MS || row.userAgent === null)) {
    const extend = new Date(row.expires).getTime() - now < (SESSION_MAX_AGE_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000;
    void afterResponse("session activity", async () => {
      await withUser(row.user.id, (tx) =>
        touchSession(tx, token, {
          lastSeenAt: new Date(),
          ...(extend ? { expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) } : {}),
          ...(row.userAgent === null ? device : {}),
        }),
      );
      await cache.del(sessionKey(token));
    });
  }
  return { id: row.id, user: row.user, impersonator };
}

/**
 * The session of these cookies. When an impersonation has ended on its own (its 30 minutes are up, its row or
 * cookie gone), the admin's own session, kept in the return cookie, is the session again: nothing has to rewrite
 * cookies for the admin to be back.
 */
async function sessionOf(token: string | undefined, returnToken: string | undefined, device: { ip: string; userAgent: string | null }): Promise<Session | null> {
  const session = token ? await readSession(token, device) : null;
  if (session || !returnToken) return session;
  const own = await readSession(returnToken, device);
  return own?.user.isPlatformAdmin ? own : null;
}

/** The session of the current page or action, or null; read at most once per request. */
export const getSession = perRequest(async (): Promise<Session | null> => {
  const jar = await cookies();
  const token = jar.get(sessionCookie.name)?.value;
  // Signed-in renders are what a warm cache would otherwise let pile up: they wait for a slot first.
  if (token) await admitRender();
  return sessionOf(token, jar.get(impersonationReturnCookie.name)?.value, await requestInfo());
});

/** The session of a route handler's request (from its Cookie header), or null. */
export async function getRequestSession(request: Request): Promise<Session | null> {
  const header = request.headers.get("cookie");
  return sessionOf(cookieValue(header, sessionCookie.name), cookieValue(header, impersonationReturnCookie.name), deviceOf(request.headers));
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The signed-in person, or a redirect to sign-in that comes back here afterwards. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (session) return session;
  const path = (await headers()).get("x-pathname") ?? "/";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}

/**
 * Starts a session for `userId` on this browser: a row with its device details, and the cookie naming it. Every
 * sign-in of Keel's own flows ends here, so a disabled person is refused here, in words.
 */
export async function startSession(userId: string): Promise<void> {
  await assertNotDisabled(userId);
  const token = newToken();
  const { ip, userAgent } = await requestInfo();
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await withUser(userId, (tx) => insertSession(tx, { sessionToken: token, userId, expires, ip, userAgent }));
  (await cookies()).set(sessionCookie.name, token, { ...sessionCookie.options, expires });
}

async function evict(tokenHashes: string[]): Promise<void> {
  await Promise.all(tokenHashes.map((hash) => cache.del(keyOfHash(hash))));
}

/**
 * Signs this browser out: deletes its session and cookie. Signing out while impersonating signs the browser out
 * altogether: the impersonation session and the admin's own session it was keeping both end.
 */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(sessionCookie.name)?.value;
  const session = await getSession();
  if (token && session) await evict(await withUser(session.user.id, (tx) => deleteSessions(tx, { userId: session.user.id, token })));
  const returnToken = jar.get(impersonationReturnCookie.name)?.value;
  if (returnToken) {
    const own = await readSession(returnToken, await requestInfo());
    if (own) await evict(await withUser(own.user.id, (tx) => deleteSessions(tx, { userId: own.user.id, token: returnToken })));
    jar.delete(impersonationReturnCookie.name);
  }
  jar.delete(sessionCookie.name);
}

/** Forgets the cached sessions with these token hashes (after their rows were deleted and the deletion committed). */
export const evictSessions = evict;

/** Revokes sessions of `userId`: one (by public id), all but the current one, or all; effective on the next request. */
export async function revokeSessions(userId: string, which: { id: string } | { allExceptCurrent: true } | { all: true }): Promise<number> {
  // Only "all but this one" needs the request's cookie, so the other two also work outside a request (jobs, tests).
  const current = "allExceptCurrent" in which ? (await cookies()).get(sessionCookie.name)?.value : undefined;
  if ("allExceptCurrent" in which && !current) return 0;
  const tokens = await withUser(userId, (tx) =>
    deleteSessions(tx, {
      userId,
      ...("id" in which ? { id: which.id } : {}),
      ...("allExceptCurrent" in which && current ? { exceptToken: current } : {}),
    }),
  );
  await evict(tokens);
  return tokens.length;
}

/** Drops this browser's cached session so the next read sees a changed profile (other devices catch up within the cache TTL). */
export async function refreshSession(): Promise<void> {
  const token = (await cookies()).get(sessionCookie.name)?.value;
  if (token) await cache.del(sessionKey(token));
}
