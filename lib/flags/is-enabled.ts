import "server-only";
import { withSystem } from "@/db/tenant";
import { cache } from "@/lib/cache";
import { log } from "@/lib/log";
import { decide, type FlagSubject } from "./decide";
import { createFlagReader, type FlagReader } from "./flag-reader";
import type { FlagKey } from "./registry";
import { buildFlagSnapshot } from "./snapshot";

// On globalThis so that every module instance of this process (Next's dev server re-evaluates modules, and an
// edit's invalidation must reach the pages' copy) shares one in-process copy.
const holder = globalThis as typeof globalThis & { __keelFlagReader?: FlagReader };

/** The flag reader of this process: the process cache in front of Postgres. */
export function flagReader(): FlagReader {
  holder.__keelFlagReader ??= createFlagReader({ cache, build: () => withSystem("feature flags: build the snapshot", buildFlagSnapshot), log });
  return holder.__keelFlagReader;
}

/**
 * Whether `flag` is on for an organization (override, then plan gate, then rollout, then default). Reads this
 * process's copy of the snapshot: no I/O when warm. Not inside a transaction (it may need the cache).
 *
 *     if (await isEnabled("projects.quick_filter", { org: { orgId: org.orgId, plan: entitlements.plan.id } })) …
 */
export async function isEnabled(flag: FlagKey, { org }: { org: FlagSubject }): Promise<boolean> {
  return decide(await flagReader().current(), flag, org);
}

/** After a flag or override edit committed: this process sees it on its next evaluation, the others within seconds. */
export function invalidateFlags(): Promise<void> {
  return flagReader().invalidate();
}
