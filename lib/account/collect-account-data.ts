import { findUserProfile, listAuditEntriesByActor, listMembershipsOfUser, listProjectsCreatedBy, listSessionsOfUser } from "@/db/queries/account";
import { withSystem } from "@/db/tenant";

/**
 * Everything Keel holds about a person, as the JSON of their data export: profile, memberships, sessions
 * (never their tokens), the audit entries they caused and the projects they created. Never the password hash.
 */
export async function collectAccountData(userId: string) {
  // A person's data spans every organization they belong to: only the system can read across tenants.
  return withSystem("account export: a person's data across organizations", async (tx) => {
    const profile = await findUserProfile(tx, userId);
    if (!profile) return null;
    return {
      format: "keel-account-export/1",
      exportedAt: new Date().toISOString(),
      profile,
      memberships: await listMembershipsOfUser(tx, userId),
      sessions: await listSessionsOfUser(tx, userId),
      auditEntries: await listAuditEntriesByActor(tx, userId),
      projectsCreated: await listProjectsCreatedBy(tx, userId),
    };
  });
}

/** The export document. */
export type AccountData = NonNullable<Awaited<ReturnType<typeof collectAccountData>>>;
