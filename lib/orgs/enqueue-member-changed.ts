import { findPublicUser } from "@/db/queries/memberships";
import type { OrgRole } from "@/db/schema";
import type { Tx } from "@/db/tenant";
import { memberChanged } from "@/jobs/events";
import { enqueue } from "@/lib/outbox";

type MemberChange =
  | { change: "added" | "removed"; userId: string; role: OrgRole }
  | { change: "role_changed"; userId: string; role: OrgRole; previousRole: OrgRole };

/**
 * Writes a membership change event into the outbox in the caller's transaction, with the member's email and name
 * as they are now (a removed member's profile outlives the membership, but not necessarily the job).
 */
export async function enqueueMemberChanged(tx: Tx, orgId: string, actorId: string, change: MemberChange): Promise<void> {
  const user = await findPublicUser(tx, change.userId);
  await enqueue(tx, memberChanged, {
    orgId,
    actorId,
    change: change.change,
    member: { userId: change.userId, email: user?.email ?? "", name: user?.name ?? null, role: change.role },
    previousRole: change.change === "role_changed" ? change.previousRole : null,
  });
}
