import { deleteFlagOverride, touchFlag } from "@/db/queries/flags";
import type { Tx } from "@/db/tenant";
import { recordAdminAudit } from "@/lib/admin/record-admin-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { invalidateFlags } from "./is-enabled";
import type { RemoveFlagOverrideInput } from "./schemas";

/** Removes an organization's override of a flag: the plan gate, rollout and default decide for it again (audited). */
export async function removeFlagOverride(tx: Tx, actorId: string, { key, orgId }: RemoveFlagOverrideInput) {
  const before = await deleteFlagOverride(tx, orgId, key);
  if (before === undefined) throw new AppError("not_found", "That override was already removed.");
  await touchFlag(tx, key, actorId);
  await recordAdminAudit(tx, { action: "feature_flag.override_removed", actorId, target: { type: "feature_flag", id: key }, metadata: { orgId, from: before } });
  afterCommit(invalidateFlags);
}
