import { and, asc, desc, eq, exists, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accountExports, auditLogs, memberships, organizations, projects, sessions, users, type AccountExport } from "../schema";
import type { Tx } from "../tenant";

// A person's own rows (profile, exports) are read and written inside withUser; the reads across organizations
// (the data export, account deletion) run as the system.

/** Changes a person's display name and avatar URL. */
export async function updateUserProfile(db: Tx, userId: string, values: { name: string | null; image: string | null }): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, userId));
}

/** A person's profile for their data export: never the password hash. */
export async function findUserProfile(db: Tx, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, image: users.image, emailVerified: users.emailVerified, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** A person's memberships with their organizations' names (system: every organization they belong to). */
export function listMembershipsOfUser(db: Tx, userId: string) {
  return db
    .select({ orgId: organizations.id, orgName: organizations.name, orgSlug: organizations.slug, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/** A person's sessions without their tokens. */
export function listSessionsOfUser(db: Tx, userId: string) {
  return db
    .select({ id: sessions.id, userAgent: sessions.userAgent, ip: sessions.ip, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expires: sessions.expires })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Every audit entry a person is the actor of, in any organization or none (system). */
export function listAuditEntriesByActor(db: Tx, userId: string) {
  return db
    .select({
      id: auditLogs.id,
      orgId: auditLogs.orgId,
      action: auditLogs.action,
      targetType: auditLogs.targetType,
      targetId: auditLogs.targetId,
      metadata: auditLogs.metadata,
      ip: auditLogs.ip,
      userAgent: auditLogs.userAgent,
      createdAt: auditLogs.createdAt,
    })
    .from(auditLogs)
    .where(eq(auditLogs.actorId, userId))
    .orderBy(desc(auditLogs.createdAt));
}

/** The projects a person created, in any organization (system). */
export function listProjectsCreatedBy(db: Tx, userId: string) {
  return db
    .select({ id: projects.id, orgId: projects.orgId, name: projects.name, description: projects.description, createdAt: projects.createdAt })
    .from(projects)
    .where(eq(projects.createdBy, userId))
    .orderBy(desc(projects.createdAt));
}

const other = alias(memberships, "other");
const othersIn = (userId: string, role?: "owner") =>
  exists(
    sql`(select 1 from ${memberships} as "other" where ${other.orgId} = ${organizations.id} and ${other.userId} <> ${userId}${role ? sql` and ${other.role} = ${role}` : sql``})`,
  );

/** Organizations where the person is the only owner but not the only member: they block deleting the account (system). */
export function listOrgsOnlyOwnedBy(db: Tx, userId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId), eq(memberships.role, "owner")))
    .where(and(sql`not ${othersIn(userId, "owner")}`, othersIn(userId)))
    .orderBy(asc(organizations.name));
}

/** Organizations whose only member is this person: they go with the account (system). */
export function listOrgsWithOnlyMember(db: Tx, userId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId)))
    .where(sql`not ${othersIn(userId)}`)
    .orderBy(asc(organizations.name));
}

/** Deletes a user; memberships, sessions and exports go by cascade. False when they were already gone. */
export async function deleteUserById(db: Tx, userId: string): Promise<boolean> {
  const rows = await db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

/** An export row without its payload, for lists. */
export type AccountExportSummary = Omit<AccountExport, "payload">;

const summaryColumns = {
  id: accountExports.id,
  userId: accountExports.userId,
  status: accountExports.status,
  createdAt: accountExports.createdAt,
  completedAt: accountExports.completedAt,
  expiresAt: accountExports.expiresAt,
};

/** Starts an export (pending). */
export async function insertAccountExport(db: Tx, row: { userId: string; expiresAt: Date }): Promise<AccountExportSummary> {
  const [created] = await db.insert(accountExports).values(row).returning(summaryColumns);
  return created!;
}

/** The person's export still being prepared, if any. */
export async function findPendingExport(db: Tx, userId: string): Promise<AccountExportSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(accountExports)
    .where(and(eq(accountExports.userId, userId), eq(accountExports.status, "pending")))
    .orderBy(desc(accountExports.createdAt))
    .limit(1);
  return row ?? null;
}

/** A person's exports, newest first, without payloads. */
export function listAccountExports(db: Tx, userId: string, limit = 10): Promise<AccountExportSummary[]> {
  return db.select(summaryColumns).from(accountExports).where(eq(accountExports.userId, userId)).orderBy(desc(accountExports.createdAt)).limit(limit);
}

/** One export of this person (with its payload), or null: someone else's export is never found. */
export async function findAccountExport(db: Tx, userId: string, exportId: string): Promise<AccountExport | null> {
  const [row] = await db.select().from(accountExports).where(and(eq(accountExports.id, exportId), eq(accountExports.userId, userId)));
  return row ?? null;
}

/** Stores an export's payload and marks it ready (writing it again overwrites: safe to repeat). */
export async function completeAccountExport(db: Tx, exportId: string, payload: Record<string, unknown>): Promise<boolean> {
  const rows = await db
    .update(accountExports)
    .set({ status: "ready", payload, completedAt: new Date() })
    .where(eq(accountExports.id, exportId))
    .returning({ id: accountExports.id });
  return rows.length > 0;
}

/** Marks an export failed (unless it became ready meanwhile). */
export async function failAccountExport(db: Tx, exportId: string): Promise<void> {
  await db.update(accountExports).set({ status: "failed", completedAt: new Date() }).where(and(eq(accountExports.id, exportId), ne(accountExports.status, "ready")));
}
