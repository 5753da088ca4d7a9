import { and, isNull, lt, sql } from "drizzle-orm";
import { auditLogs, invitations, organizations, sessions, verificationTokens } from "../schema";
import type { Tx } from "../tenant";

/** Deletes sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(tx: Tx, now: Date): Promise<number> {
  return (await tx.delete(sessions).where(lt(sessions.expires, now)).returning({ token: sessions.sessionToken })).length;
}

/** Deletes sign-in and verification tokens that expired before `now`; returns how many. */
export async function deleteExpiredVerificationTokens(tx: Tx, now: Date): Promise<number> {
  return (await tx.delete(verificationTokens).where(lt(verificationTokens.expires, now)).returning({ token: verificationTokens.token })).length;
}

/** Deletes invitations that expired unaccepted before `now` (accepted ones stay as history); returns how many. */
export async function deleteExpiredInvitations(tx: Tx, now: Date): Promise<number> {
  const rows = await tx
    .delete(invitations)
    .where(and(lt(invitations.expiresAt, now), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length;
}

/**
 * Deletes organizations' audit entries older than their plan keeps them: `retention` maps plan ids to days, and an
 * organization on a plan it does not list keeps `fallbackDays`. Returns how many were deleted.
 */
export async function deleteAuditEntriesPastRetention(tx: Tx, retention: Record<string, number>, fallbackDays: number, now: Date): Promise<number> {
  const plans = Object.entries(retention);
  const days = plans.length
    ? sql`coalesce((select r.days from (values ${sql.join(plans.map(([plan, d]) => sql`(${plan}::text, ${d}::int)`), sql`, `)}) as r(plan, days) where r.plan = ${organizations.plan}), ${fallbackDays}::int)`
    : sql`${fallbackDays}::int`;
  const rows = await tx
    .delete(auditLogs)
    .where(
      sql`${auditLogs.orgId} in (select ${organizations.id} from ${organizations} where ${auditLogs.createdAt} < ${now.toISOString()}::timestamptz - make_interval(days => ${days}))`,
    )
    .returning({ id: auditLogs.id });
  return rows.length;
}
