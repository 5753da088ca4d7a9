import "server-only";
import { decide, type FlagSubject } from "./decide";
import { flagReader } from "./is-enabled";
import { clientFlagKeys, type ClientFlagKey } from "./registry";

/** The decisions client components may read, by key. */
export type ClientFlags = Record<ClientFlagKey, boolean>;

/**
 * Every client flag (`client: true` in the registry) decided for an organization, for `<FlagsProvider>`: the
 * decisions travel to the browser, the rules (rollout, overrides of other organizations) never do.
 */
export async function clientFlagsFor(org: FlagSubject): Promise<ClientFlags> {
  const flags = await flagReader().current();
  return Object.fromEntries(clientFlagKeys.map((key) => [key, decide(flags, key, org)])) as ClientFlags;
}
