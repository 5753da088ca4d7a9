import { z } from "zod";
import { listOrgsOnlyOwnedBy } from "@/db/queries/account";
import { withSystem } from "@/db/tenant";
import { accountDeletionRequested } from "@/jobs/events";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/outbox";

export const deleteAccountSchema = z.object({ confirmEmail: z.string().trim().min(1, "Type your email address to confirm.") });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/**
 * Organizations that would be left without an owner while others still work in them. Reading other people's
 * memberships crosses what the person may see, hence the system.
 */
export function orgsBlockingDeletion(userId: string) {
  return withSystem("account deletion: organizations only this person owns", (tx) => listOrgsOnlyOwnedBy(tx, userId));
}

/** The refusal shown while `orgs` block deletion. */
export function blockedMessage(orgs: { name: string }[]): string {
  const names = orgs.map((o) => o.name).join(", ");
  return `You're the only owner of ${names}, which other people still use. Make someone else an owner, or remove the other members, then try again.`;
}

/**
 * Queues deleting a person's account, after they typed their email. Refused (conflict) while they are the only
 * owner of an organization with other members. The caller signs the browser out afterwards.
 */
export async function requestAccountDeletion(user: { id: string; email: string }, input: DeleteAccountInput): Promise<void> {
  if (input.confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("validation_error", "Some fields need attention.", { fields: { confirmEmail: ["That isn't your email address."] } });
  }
  const blocking = await orgsBlockingDeletion(user.id);
  if (blocking.length) throw new AppError("conflict", blockedMessage(blocking));
  await withSystem("account deletion: person-level outbox event", async (tx) => {
    await enqueue(tx, accountDeletionRequested, { orgId: null, actorId: user.id, userId: user.id });
    await recordAccountAudit({ action: "account.deletion_requested", actorId: user.id, target: { type: "user", id: user.id } }, tx);
  });
}
