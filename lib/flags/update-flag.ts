import { updateFlagAtVersion } from "@/db/queries/flags";
import type { Tx } from "@/db/tenant";
import { recordAdminAudit } from "@/lib/admin/record-admin-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { invalidateFlags } from "./is-enabled";
import type { UpdateFlagInput } from "./schemas";

/**
 * Changes a flag's default, rollout, plans and description (inside an admin action's `withSystem`), audited with
 * what changed; every process evaluates with it within seconds, this one at once.
 */
export async function updateFlag(tx: Tx, actorId: string, { key, version, ...settings }: UpdateFlagInput) {
  const updated = await updateFlagAtVersion(tx, key, version, settings, actorId);
  if (!updated) throw new AppError("conflict", "This flag was changed meanwhile. Reload the page to see the change, then edit again.");
  const { before, after } = updated;
  const changes = Object.fromEntries(
    (["description", "defaultEnabled", "rolloutPercent", "plans"] as const)
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field) => [field, { from: before[field], to: after[field] }]),
  );
  await recordAdminAudit(tx, { action: "feature_flag.updated", actorId, target: { type: "feature_flag", id: key }, metadata: { changes } });
  afterCommit(invalidateFlags);
  return after;
}
