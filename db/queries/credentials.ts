import { eq, sql } from "drizzle-orm";
import { users } from "../schema";
import type { Database } from "../client";
import type { Tx } from "../tenant";

type Db = Tx | Database;

/** What sign-in needs to know about a person, looked up by email (case-insensitively). */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

/** The same, by id. */
export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/** Creates a password account; null when the email is already taken (the unique index decides, so races are safe). */
export async function insertPasswordUser(db: Db, values: { email: string; name: string; passwordHash: string }) {
  const [row] = await db.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  return row ?? null;
}

/** Replaces a person's password hash. */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Marks a person's email as verified (keeps the first verification time). */
export async function markEmailVerified(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ emailVerified: sql`coalesce(${users.emailVerified}, now())` }).where(eq(users.id, userId));
}
