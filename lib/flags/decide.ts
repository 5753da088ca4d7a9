import type { FlagKey } from "./registry";
import { rolloutBucket } from "./rollout";
import type { CompiledFlags } from "./snapshot";

/** Who a flag is evaluated for: the organization and the plan whose limits apply to it (`entitlements.plan.id`). */
export type FlagSubject = { orgId: string; plan: string };

/**
 * A flag's decision for an organization, in this order: its override; off when the flag is limited to plans that
 * do not include the organization's; on when its rollout bucket is under the rollout percentage; else the default.
 */
export function decide(compiled: CompiledFlags, key: FlagKey, org: FlagSubject): boolean {
  const flag = compiled.flags.get(key);
  if (!flag) return false;
  const override = flag.overrides.get(org.orgId);
  if (override !== undefined) return override;
  if (flag.plans && !flag.plans.has(org.plan)) return false;
  if (flag.rolloutPercent > 0 && rolloutBucket(key, org.orgId) < flag.rolloutPercent) return true;
  return flag.defaultEnabled;
}
