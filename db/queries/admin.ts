import { and, desc, eq, gt, ilike, isNull, or, sql } from "drizzle-orm";
import {
  auditLogs,
  memberships,
  organizations,
  outboxEvents,
  sessions,
  subscriptionChanges,
  subscriptions,
  usageDaily,
  users,
  webhookDeliveries,
} from "../schema";
import { database } from "../client";
import type { Tx } from "../tenant";
import { hashSessionToken } from "./sessions";

// The admin console's reads and writes across organizations: every function runs inside `withSystem` (adminPage,
// adminAction), never as app_user.

/** How many rows a page of the admin lists shows. */
export const ADMIN_PAGE_SIZE = 25;

/** `%text%` for ILIKE, with the pattern characters of the search escaped. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const lastActive = sql<string | null>`(select max(${sessions.lastSeenAt}) from ${sessions} where ${sessions.userId} = ${users.id})`;

/** One page of people, newest first, matching `q` in email or name; one extra row says whether a next page exists. */
export function listUsersPage(tx: Tx, { q, page }: { q: string; page: number }) {
  return tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      createdAt: users.createdAt,
      isPlatformAdmin: users.isPlatformAdmin,
      disabledAt: users.disabledAt,
      orgCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.userId} = ${users.id})`,
      lastActiveAt: lastActive,
    })
    .from(users)
    .where(q ? or(ilike(users.email, contains(q)), ilike(users.name, contains(q))) : undefined)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(ADMIN_PAGE_SIZE + 1)
    .offset((page - 1) * ADMIN_PAGE_SIZE);
}

/**
 * One page of organizations, newest first, matching `q` in slug or name: plan (and comp), MRR, members and when a
 * member was last active; one extra row says whether a next page exists.
 */
export function listOrgsPage(tx: Tx, { q, page }: { q: string; page: number }) {
  return tx
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      createdAt: organizations.createdAt,
      plan: organizations.plan,
      compPlan: organizations.compPlan,
      mrrCents: sql<number>`coalesce(${subscriptions.mrrCents}, 0)`,
      status: subscriptions.status,
      memberCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.orgId} = ${organizations.id})`,
      lastActiveAt: sql<string | null>`(select max(s.last_seen_at) from ${sessions} s join ${memberships} m on m.user_id = s.user_id where m.org_id = ${organizations.id})`,
    })
    .from(organizations)
    .leftJoin(subscriptions, eq(subscriptions.orgId, organizations.id))
    .where(q ? or(ilike(organizations.slug, contains(q)), ilike(organizations.name, contains(q))) : undefined)
    .orderBy(desc(organizations.createdAt), desc(organizations.id))
    .limit(ADMIN_PAGE_SIZE + 1)
    .offset((page - 1) * ADMIN_PAGE_SIZE);
}

/** A person as the admin console shows them, or null. */
export async function findAdminUser(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
      isPlatformAdmin: users.isPlatformAdmin,
      disabledAt: users.disabledAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/** The organizations a person belongs to, with their role and the organization's plan. */
export function listUserMemberships(tx: Tx, userId: string) {
  return tx
    .select({ orgId: organizations.id, slug: organizations.slug, name: organizations.name, plan: organizations.plan, compPlan: organizations.compPlan, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name);
}

/** A person's live sessions, most recent first (never the token hash), with the admin behind an impersonation. */
export function listUserSessionsForAdmin(tx: Tx, userId: string, now: Date) {
  return tx
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expires: sessions.expires, userAgent: sessions.userAgent, ip: sessions.ip, impersonatorId: sessions.impersonatorId })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expires, now)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
}

/** The latest audit entries by or about a person (any organization, and their own account's). */
export function listUserAudit(tx: Tx, userId: string, limit = 20) {
  return tx
    .select({ id: auditLogs.id, action: auditLogs.action, actorId: auditLogs.actorId, actorEmail: users.email, orgId: auditLogs.orgId, targetType: auditLogs.targetType, targetId: auditLogs.targetId, metadata: auditLogs.metadata, createdAt: auditLogs.createdAt })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .where(or(eq(auditLogs.actorId, userId), and(eq(auditLogs.targetType, "user"), eq(auditLogs.targetId, userId))))
    .orderBy(desc(auditLogs.createdAt))
    .limit(limit);
}

/** An organization as the admin console shows it, with its subscription row (if it ever had a customer), or null. */
export async function findAdminOrg(tx: Tx, id: string) {
  const [row] = await tx
    .select({ org: organizations, subscription: subscriptions })
    .from(organizations)
    .leftJoin(subscriptions, eq(subscriptions.orgId, organizations.id))
    .where(eq(organizations.id, id));
  return row ?? null;
}

/** The organization's members with their email, owners first. */
export function listOrgMembersForAdmin(tx: Tx, orgId: string) {
  return tx
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt, disabledAt: users.disabledAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'admin' then 1 else 2 end`, users.email);
}

/** The organization's MRR ledger, newest first. */
export function listOrgSubscriptionChanges(tx: Tx, orgId: string, limit = 24) {
  return tx.select().from(subscriptionChanges).where(eq(subscriptionChanges.orgId, orgId)).orderBy(desc(subscriptionChanges.at)).limit(limit);
}

/** The organization's metered usage per day since `since` (YYYY-MM-DD), newest first. */
export function listOrgUsage(tx: Tx, orgId: string, since: string) {
  return tx
    .select({ day: usageDaily.day, metric: usageDaily.metric, count: usageDaily.count })
    .from(usageDaily)
    .where(and(eq(usageDaily.orgId, orgId), sql`${usageDaily.day} >= ${since}`))
    .orderBy(desc(usageDaily.day));
}

/** The organization's latest audit entries, with the actor's email. */
export function listOrgAudit(tx: Tx, orgId: string, limit = 20) {
  return tx
    .select({ id: auditLogs.id, action: auditLogs.action, actorId: auditLogs.actorId, actorEmail: users.email, targetType: auditLogs.targetType, targetId: auditLogs.targetId, metadata: auditLogs.metadata, createdAt: auditLogs.createdAt })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .where(eq(auditLogs.orgId, orgId))
    .orderBy(desc(auditLogs.createdAt))
    .limit(limit);
}

/** Sets or clears a person's disabled mark; false when they don't exist. */
export async function setUserDisabled(tx: Tx, userId: string, disabledAt: Date | null): Promise<boolean> {
  const rows = await tx.update(users).set({ disabledAt }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

/** Deletes every session of a person (impersonations of them included); returns the token hashes to evict from the cache. */
export async function deleteAllSessionsOf(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ token: sessions.sessionToken });
  return rows.map((r) => r.token);
}

/** Starts an impersonation session: a session row of `userId` marked with the admin, expiring at `expires`. */
export async function insertImpersonationSession(tx: Tx, row: { token: string; userId: string; impersonatorId: string; expires: Date; ip: string | null; userAgent: string | null }) {
  const [created] = await tx
    .insert(sessions)
    .values({ sessionToken: hashSessionToken(row.token), userId: row.userId, impersonatorId: row.impersonatorId, expires: row.expires, ip: row.ip, userAgent: row.userAgent })
    .returning({ id: sessions.id });
  return created!;
}

/** Deletes one session by its cookie token; returns its token hash (to evict) when it existed. */
export async function deleteSessionByToken(tx: Tx, token: string): Promise<string[]> {
  const rows = await tx.delete(sessions).where(eq(sessions.sessionToken, hashSessionToken(token))).returning({ token: sessions.sessionToken });
  return rows.map((r) => r.token);
}

/** Sets or clears an organization's comp plan; the organization's member ids (to drop their cached memberships), or null when it doesn't exist. */
export async function setOrgCompPlan(tx: Tx, orgId: string, compPlan: string | null): Promise<{ previous: string | null } | null> {
  const [before] = await tx.select({ compPlan: organizations.compPlan }).from(organizations).where(eq(organizations.id, orgId)).for("update");
  if (!before) return null;
  await tx.update(organizations).set({ compPlan, updatedAt: new Date() }).where(eq(organizations.id, orgId));
  return { previous: before.compPlan };
}

/** The outbox's backlog: events not sent yet, and when the oldest was written. */
export async function outboxBacklog(tx: Tx) {
  const [row] = await tx
    .select({ pending: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${outboxEvents.createdAt})`, failing: sql<number>`count(*) filter (where ${outboxEvents.attempts} > 0)::int` })
    .from(outboxEvents)
    .where(isNull(outboxEvents.sentAt));
  return row ?? { pending: 0, oldest: null, failing: 0 };
}

/** Webhook deliveries created since `since`, by status. */
export function webhookDeliveryCounts(tx: Tx, since: Date) {
  return tx
    .select({ status: webhookDeliveries.status, n: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(gt(webhookDeliveries.createdAt, since))
    .groupBy(webhookDeliveries.status);
}

/** This database's client connections by state (every app process and pool, as Postgres sees them). */
export function connectionsByState(tx: Tx) {
  return tx.execute<{ state: string | null; n: number }>(
    sql`select state, count(*)::int as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend' group by state`,
  );
}

/** The size of this process's primary pool (postgres.js opens connections lazily, up to this many). */
export function poolMaxPerProcess(): number {
  return database().settings.poolMax ?? 10;
}
