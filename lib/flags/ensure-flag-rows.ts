import { insertMissingFlags } from "@/db/queries/flags";
import type { Tx } from "@/db/tenant";
import { flagKeys, flags, type FlagDefinition } from "./registry";

/**
 * Creates the `feature_flags` rows of registry flags the table lacks (off for everyone), as the system: the code
 * decides which flags exist, the table holds what admins set. Run before a snapshot is built and before the admin
 * pages list flags, so a flag added in code needs no migration.
 */
export async function ensureFlagRows(tx: Tx): Promise<void> {
  await insertMissingFlags(tx, flagKeys.map((key) => ({ key, description: (flags[key] as FlagDefinition).description })));
}
