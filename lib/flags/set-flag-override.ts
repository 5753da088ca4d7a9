import { findOrgBySlug, touchFlag, upsertFlagOverride } from "@/db/queries/flags";
import type { Tx } from "@/db/tenant";
import { recordAdminAudit } from "@/lib/admin/record-admin-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { invalidateFlags } from "./is-enabled";
import type { SetFlagOverrideInput } from "./schemas";

/** Turns a flag on or off for one organization, found by slug, whatever its plan or rollout says (admin, audited). */
export async function setFlagOverride(tx: Tx, actorId: string, { key, slug, enabled }: SetFlagOverrideInput) {
  const org = await findOrgBySlug(tx, slug);
  if (!org) throw new AppError("validation_error", "Some fields need attention.", { fields: { slug: [`No organization has the slug "${slug}".`] } });
  // The flag's row exists once a snapshot was built; the admin page builds one before showing the form.
  if (!(await touchFlag(tx, key, actorId))) throw new AppError("not_found", "There is no such flag.");
  const before = await upsertFlagOverride(tx, { orgId: org.id, flagKey: key, enabled, createdBy: actorId });
  await recordAdminAudit(tx, {
    action: "feature_flag.override_set",
    actorId,
    target: { type: "feature_flag", id: key },
    metadata: { orgId: org.id, orgSlug: org.slug, from: before ?? null, to: enabled },
  });
  afterCommit(invalidateFlags);
  return org;
}
