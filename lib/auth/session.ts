import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache as perRequest } from "react";
import { deleteSessions, findSessionWithUser, insertSession, touchSession } from "@/db/queries/sessions";
import { withUser } from "@/db/tenant";
import { afterResponse } from "@/lib/after-response";
import { cache } from "@/lib/cache";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, sessionCookie } from "./cookies";
import { deviceOf, requestInfo } from "./request-info";
import { hashToken, newToken } from "./tokens";

/** The signed-in person as every page and action sees them. */
export type SessionUser = { id: string; email: string; name: string | null; image: string | null; isPlatformAdmin: boolean; emailVerified: boolean };

/** The current session: its public id and its user. */
export type Session = { id: string; user: SessionUser };

// Sessions are read through the cache, keyed on the token's hash (what the database stores too: see
// db/queries/sessions.ts); every revocation deletes the key, so a revoked session fails at once.
const SESSION_TTL_SECONDS = 120;
const LAST_SEEN_EVERY_MS = 5 * 60_000;
const keyOfHash = (tokenHash: string) => `session:${tokenHash}`;
const sessionKey = (token: string) => keyOfHash(hashToken(token));

async function loadSession(token: string) {
  const row = await findSessionWithUser(token);
  if (!row) return null;
  return { ...row, user: { ...row.user, emailVerified: row.user.emailVerified !== null } };
}

/** The session a cookie token names, from the cache when warm; null when unknown or expired. */
export async function readSession(token: string, device: { ip: string; userAgent: string | null }): Promise<Session | null> {
  const row = await cache.getOrSet(sessionKey(token), SESSION_TTL_SECONDS, () => loadSession(token));
  if (!row) return null;
  const now = Date.now();
  if (new Date(row.expires).getTime() <= now) return null;
  // Activity for the sessions page, and a sliding expiry, written after the response and at most every few minutes.
  if (now - new Date(row.lastSeenAt).getTime() > LAST_SEEN_EVERY_MS || row.userAgent === null) {
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
  return { id: row.id, user: row.user };
}

/** The session of the current page or action, or null; read at most once per request. */
export const getSession = perRequest(async (): Promise<Session | null> => {
  const token = (await cookies()).get(sessionCookie.name)?.value;
  return token ? readSession(token, await requestInfo()) : null;
});

/** The session of a route handler's request (from its Cookie header), or null. */
export async function getRequestSession(request: Request): Promise<Session | null> {
  const token = cookieValue(request.headers.get("cookie"), sessionCookie.name);
  return token ? readSession(token, deviceOf(request.headers)) : null;
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

/** Starts a session for `userId` on this browser: a row with its device details, and the cookie naming it. */
export async function startSession(userId: string): Promise<void> {
  const token = newToken();
  const { ip, userAgent } = await requestInfo();
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await withUser(userId, (tx) => insertSession(tx, { sessionToken: token, userId, expires, ip, userAgent }));
  (await cookies()).set(sessionCookie.name, token, { ...sessionCookie.options, expires });
}

async function evict(tokenHashes: string[]): Promise<void> {
  await Promise.all(tokenHashes.map((hash) => cache.del(keyOfHash(hash))));
}

/** Signs this browser out: deletes its session and cookie. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(sessionCookie.name)?.value;
  const session = await getSession();
  if (token && session) await evict(await withUser(session.user.id, (tx) => deleteSessions(tx, { userId: session.user.id, token })));
  jar.delete(sessionCookie.name);
}

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
