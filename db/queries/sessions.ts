import { and, desc, eq, ne } from "drizzle-orm";
import { sessions, users } from "../schema";
import type { Tx } from "../tenant";
import type { Database } from "../client";

type Db = Tx | Database;

/** A session with the person it belongs to: what every signed-in request needs. */
export type SessionWithUser = Awaited<ReturnType<typeof findSessionWithUser>>;

/** The session named by a cookie token and its user, or null. */
export async function findSessionWithUser(db: Db, token: string) {
  const [row] = await db
    .select({
      id: sessions.id,
      expires: sessions.expires,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      user: { id: users.id, email: users.email, name: users.name, image: users.image, emailVerified: users.emailVerified, isPlatformAdmin: users.isPlatformAdmin },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, token));
  return row ?? null;
}

/** Starts a session row. */
export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** Records activity (and, when due, a later expiry) on a session. */
export async function touchSession(db: Db, token: string, values: { lastSeenAt: Date; expires?: Date; userAgent?: string | null; ip?: string | null }) {
  await db.update(sessions).set(values).where(eq(sessions.sessionToken, token));
}

/** A person's sessions, most recently used first (tokens included: callers must not pass them on). */
export function listUserSessions(db: Db, userId: string) {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
}

/** Deletes sessions and returns their tokens (to evict them from the cache). */
export async function deleteSessions(db: Db, where: { userId: string; id?: string; exceptToken?: string; token?: string }): Promise<string[]> {
  const rows = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, where.userId),
        where.id ? eq(sessions.id, where.id) : undefined,
        where.token ? eq(sessions.sessionToken, where.token) : undefined,
        where.exceptToken ? ne(sessions.sessionToken, where.exceptToken) : undefined,
      ),
    )
    .returning({ token: sessions.sessionToken });
  return rows.map((r) => r.token);
}
