import { findFlag, listFlagOverrides, listFlagsWithOverrideCounts } from "@/db/queries/flags";
import type { Tx } from "@/db/tenant";
import { ensureFlagRows } from "./ensure-flag-rows";
import { isFlagKey } from "./registry";

/** Every flag of the registry with its rule and number of overrides, for /admin/flags (inside `adminPage`'s withSystem). */
export async function listFlagsForAdmin(tx: Tx) {
  await ensureFlagRows(tx);
  const rows = await listFlagsWithOverrideCounts(tx);
  return rows.filter((row) => isFlagKey(row.key));
}

/** One flag with its overrides (and their organizations), or null for a key the registry does not declare. */
export async function flagForAdmin(tx: Tx, key: string) {
  if (!isFlagKey(key)) return null;
  await ensureFlagRows(tx);
  const [flag, overrides] = [await findFlag(tx, key), await listFlagOverrides(tx, key)];
  return flag ? { flag, overrides } : null;
}

export type AdminFlagList = Awaited<ReturnType<typeof listFlagsForAdmin>>;
export type AdminFlag = NonNullable<Awaited<ReturnType<typeof flagForAdmin>>>;
