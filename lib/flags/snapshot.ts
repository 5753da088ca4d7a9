import { createHash } from "node:crypto";
import { readAllFlags } from "@/db/queries/flags";
import type { Tx } from "@/db/tenant";
import { ensureFlagRows } from "./ensure-flag-rows";
import { flagKeys } from "./registry";

/** A flag's rule as the snapshot stores it. */
export type FlagRule = { defaultEnabled: boolean; rolloutPercent: number; plans: string[] };

/**
 * Every flag and every override at one moment, as JSON (what Redis holds). `version` is a hash of the content:
 * a process compares it with the version Redis announces and keeps its own copy when they match.
 */
export type FlagSnapshot = { version: string; flags: Record<string, FlagRule>; overrides: Record<string, Record<string, boolean>> };

/** A snapshot ready for evaluation: maps and sets instead of JSON objects and arrays. */
export type CompiledFlags = {
  version: string;
  flags: ReadonlyMap<string, { defaultEnabled: boolean; rolloutPercent: number; plans: ReadonlySet<string> | null; overrides: ReadonlyMap<string, boolean> }>;
};

/**
 * Builds the snapshot from Postgres (inside `withSystem`): first creates the rows of registry flags the table
 * lacks, then reads every flag and override. Overrides of keys the code no longer declares are left out.
 */
export async function buildFlagSnapshot(tx: Tx): Promise<FlagSnapshot> {
  await ensureFlagRows(tx);
  const rows = await readAllFlags(tx);
  const known = new Set<string>(flagKeys);
  const flags: FlagSnapshot["flags"] = {};
  for (const f of [...rows.flags].sort((a, b) => a.key.localeCompare(b.key))) {
    if (known.has(f.key)) flags[f.key] = { defaultEnabled: f.defaultEnabled, rolloutPercent: f.rolloutPercent, plans: [...f.plans].sort() };
  }
  const overrides: FlagSnapshot["overrides"] = {};
  for (const o of [...rows.overrides].sort((a, b) => a.flagKey.localeCompare(b.flagKey) || a.orgId.localeCompare(b.orgId))) {
    if (known.has(o.flagKey)) (overrides[o.flagKey] ??= {})[o.orgId] = o.enabled;
  }
  const version = createHash("sha256").update(JSON.stringify({ flags, overrides })).digest("base64url").slice(0, 16);
  return { version, flags, overrides };
}

/** The snapshot as maps for evaluation. A flag missing from it (never built yet) evaluates as off. */
export function compileFlags(snapshot: FlagSnapshot): CompiledFlags {
  const compiled = new Map<string, ReturnType<CompiledFlags["flags"]["get"]> & object>();
  for (const [key, rule] of Object.entries(snapshot.flags)) {
    compiled.set(key, {
      defaultEnabled: rule.defaultEnabled,
      rolloutPercent: rule.rolloutPercent,
      plans: rule.plans.length > 0 ? new Set(rule.plans) : null,
      overrides: new Map(Object.entries(snapshot.overrides[key] ?? {})),
    });
  }
  return { version: snapshot.version, flags: compiled };
}

/** Nothing known: every flag off. What evaluation falls back to when neither Redis nor Postgres answers. */
export const emptyFlags: CompiledFlags = { version: "empty", flags: new Map() };
