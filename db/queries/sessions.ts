import { createHash } from "node:crypto";
import { and, desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { primaryDb } from "../client";
import { sessions, users } from "../schema";
import type { Tx } from "../tenant";

/**
 * What the database keeps of a session token: its SHA-256 (hex). The cookie holds the token; a leaked table or
 * backup holds nothing that signs anyone in. Every query here takes the cookie's token and hashes it itself.
 */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const impersonators = alias(users, "impersonators");

/** A session with the person it belongs to: what every signed-in request needs. */
export type SessionWithUser = Awaited<ReturnType<typeof findSessionWithUser>>;

/**
 * The session named by a cookie token and its user, or null. A public query: it is how a request finds out who
 * is signed in, so no person's context exists yet to run it in. Always the primary: a session just started must
 * be found on the very next request.
 */
export async function findSessionWithUser(token: string) {
  const [row] = await primaryDb
    .select({
      id: sessions.id,
      expires: sessions.expires,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        image: users.image,
        emailVerified: users.emailVerified,
        isPlatformAdmin: users.isPlatformAdmin,
        disabledAt: users.disabledAt,
      },
      // Set on an impersonation session: the platform admin behind it.
      impersonator: { id: impersonators.id, email: impersonators.email, name: impersonators.name },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(impersonators, eq(impersonators.id, sessions.impersonatorId))
    .where(eq(sessions.sessionToken, hashSessionToken(token)));
  return row ?? null;
}

/** Starts a session row (inside withUser for its person); `sessionToken` is the cookie's token, stored hashed. */
export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values({ ...row, sessionToken: hashSessionToken(row.sessionToken) });
}

/** Records activity (and, when due, a later expiry) on a session (inside withUser). */
export async function touchSession(tx: Tx, token: string, values: { lastSeenAt: Date; expires?: Date; userAgent?: string | null; ip?: string | null }) {
  await tx.update(sessions).set(values).where(eq(sessions.sessionToken, hashSessionToken(token)));
}

/** The person's sessions, most recently used first (inside withUser; token hashes included: callers must not pass them on). */
export function listUserSessions(tx: Tx) {
  return tx.select().from(sessions).orderBy(desc(sessions.lastSeenAt));
}

/** Deletes some of the person's sessions (inside withUser) and returns their token hashes (to evict them from the cache). */
export async function deleteSessions(tx: Tx, where: { userId: string; id?: string; exceptToken?: string; token?: string }): Promise<string[]> {
  const rows = await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, where.userId),
        where.id ? eq(sessions.id, where.id) : undefined,
        where.token ? eq(sessions.sessionToken, hashSessionToken(where.token)) : undefined,
        where.exceptToken ? ne(sessions.sessionToken, hashSessionToken(where.exceptToken)) : undefined,
      ),
    )
    .returning({ token: sessions.sessionToken });
  return rows.map((r) => r.token);
}
