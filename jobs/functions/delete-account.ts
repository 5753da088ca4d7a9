import { deleteUserById, listOrgsWithOnlyMember } from "@/db/queries/account";
import { deleteOrg } from "@/db/queries/orgs";
import { withSystem, withTenant } from "@/db/tenant";
import { orgsBlockingDeletion } from "@/lib/account/delete-account";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { revokeSessions } from "@/lib/auth/session";
import { invalidateMemberships } from "@/lib/orgs/membership";
import { inngest } from "../client";
import { accountDeletionRequested } from "../events";

/**
 * Deletes a person's account: the organizations only they belong to, then the user (memberships, sessions and
 * exports go by cascade; audit entries keep their rows with no actor). Every step is safe to run twice.
 */
export const deleteAccount = inngest.createFunction(
  { id: "delete-account", triggers: [accountDeletionRequested], retries: 5, concurrency: { key: "event.data.userId", limit: 1 } },
  async ({ event, step }) => {
    const { userId } = event.data;

    // Checked again here: someone may have joined an organization this person alone owns since they asked.
    const blocking = await step.run("check-ownership", () => orgsBlockingDeletion(userId));
    if (blocking.length) {
      await step.run("record-blocked", () =>
        recordAccountAudit({ action: "account.deletion_blocked", actorId: userId, target: { type: "user", id: userId }, metadata: { orgs: blocking.map((o) => o.slug) } }),
      );
      return { status: "blocked" as const, orgs: blocking.map((o) => o.slug) };
    }

    const soleOrgs = await step.run("find-sole-member-orgs", () =>
      withSystem("account deletion: organizations only this person belongs to", (tx) => listOrgsWithOnlyMember(tx, userId)),
    );
    for (const org of soleOrgs) {
      // In the organization's own tenant context, as the delete-org job does it.
      await step.run(`delete-org-${org.id}`, () => withTenant({ orgId: org.id, userId }, (tx) => deleteOrg(tx, org.id)));
    }

    // Deleting the rows alone would leave cached sessions valid for a while; revoking evicts them too.
    await step.run("revoke-sessions", () => revokeSessions(userId, { all: true }));

    const deleted = await step.run("delete-user", () =>
      withSystem("account deletion: remove the user", async (tx) => {
        const gone = await deleteUserById(tx, userId);
        // The actor is gone with the account, so the entry names it only as the target.
        if (gone) await recordAccountAudit({ action: "account.deleted", actorId: null, target: { type: "user", id: userId }, metadata: { orgsDeleted: soleOrgs.length } }, tx);
        return gone;
      }),
    );
    await step.run("forget-memberships", () => invalidateMemberships(userId));
    return { status: deleted ? ("deleted" as const) : ("already-deleted" as const), orgsDeleted: soleOrgs.map((o) => o.slug) };
  },
);
