"use client";

import { use } from "react";
import type { ClientFlagKey } from "@/lib/flags/registry";
import { FlagsContext } from "./flags-provider";

/** Whether a client flag is on for the current organization, as the server decided it (off outside a provider). */
export function useFlag(key: ClientFlagKey): boolean {
  return use(FlagsContext)[key] === true;
}
