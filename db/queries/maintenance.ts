import { and, isNull, lt } from "drizzle-orm";
import { invitations, sessions, verificationTokens } from "../schema";
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
