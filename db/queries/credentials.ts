import { eq, sql } from "drizzle-orm";
import { primaryDb } from "../client";
import { users } from "../schema";

// Public queries of the sign-in door: sign-up, sign-in, email links and password changes read and write a person's
// credentials before (or instead of) any person's context, and app_user can never read a password hash.

const credentialColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  passwordHash: users.passwordHash,
  emailVerified: users.emailVerified,
  disabledAt: users.disabledAt,
};

/** What sign-in needs to know about a person, looked up by email (case-insensitively). */
export async function findUserByEmail(email: string) {
  const [row] = await primaryDb.select(credentialColumns).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

/** The same, by id. */
export async function findUserById(id: string) {
  const [row] = await primaryDb.select(credentialColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Creates a password account; null when the email is already taken (the unique index decides, so races are safe). */
export async function insertPasswordUser(values: { email: string; name: string; passwordHash: string }) {
  const [row] = await primaryDb.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  return row ?? null;
}

/** Replaces a person's password hash. */
export async function setPasswordHash(userId: string, passwordHash: string): Promise<void> {
  await primaryDb.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Marks a person's email as verified (keeps the first verification time). */
export async function markEmailVerified(userId: string): Promise<void> {
  await primaryDb.update(users).set({ emailVerified: sql`coalesce(${users.emailVerified}, now())` }).where(eq(users.id, userId));
}

/**
 * Moves a person to a new (already proven) address; false when another account has it (the unique index decides,
 * so two racing changes cannot both win).
 */
export async function setUserEmail(userId: string, email: string): Promise<boolean> {
  try {
    const rows = await primaryDb.update(users).set({ email, emailVerified: new Date() }).where(eq(users.id, userId)).returning({ id: users.id });
    return rows.length > 0;
  } catch (err) {
    if ((err as { code?: string }).code === "23505" || (err as { cause?: { code?: string } }).cause?.code === "23505") return false;
    throw err;
  }
}
