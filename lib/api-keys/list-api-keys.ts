import { listApiKeyRows } from "@/db/queries/api-keys";
import type { Tx } from "@/db/tenant";

/** The organization's API keys for the settings page, newest first (inside withTenant); secrets are never stored. */
export function listApiKeys(tx: Tx) {
  return listApiKeyRows(tx);
}

/** An API key as the settings page lists it. */
export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];
