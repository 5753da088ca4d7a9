import { listMemberIds } from "@/db/queries/memberships";
import { deleteOrg as deleteOrgRow } from "@/db/queries/orgs";
import { withTenant } from "@/db/tenant";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { invalidateMemberships } from "@/lib/orgs/membership";
import { inngest } from "../client";
import { orgDeletionRequested } from "../events";

/**
 * Deletes an organization and, through ON DELETE CASCADE, everything in it; then forgets members' cached memberships.
 * It works in the organization's own tenant context (as the requester), never as the system: it can reach nothing
 * but the organization it was asked to delete (migration 0004 grants app_user the delete).
 */
export const deleteOrg = inngest.createFunction(
  { id: "delete-org", triggers: [orgDeletionRequested], retries: 5, concurrency: { key: "event.data.orgId", limit: 1 } },
  async ({ event, step }) => {
    const { orgId, actorId, slug } = event.data;
    // Read before the delete: afterwards nobody can say who belonged.
    const tenant = { orgId, userId: actorId };
    const members = await step.run("list-members", () => withTenant(tenant, (tx) => listMemberIds(tx, orgId)));
    // The organization's own audit log goes with it, so the note is account-level (org_id NULL) and outlives it.
    await step.run("record-audit-note", () =>
      recordAccountAudit({ action: "org.deleted", actorId, target: { type: "org", id: orgId }, metadata: { slug, members: members.length } }),
    );
    // Deleting what is already gone deletes nothing: safe to run twice.
    const deleted = await step.run("delete-org-row", () => withTenant(tenant, (tx) => deleteOrgRow(tx, orgId)));
    await step.run("invalidate-member-caches", () => invalidateMemberships(...members));
    return { deleted, members: members.length };
  },
);
