"use client";

import { createContext, type ReactNode } from "react";
import type { ClientFlagKey } from "@/lib/flags/registry";

/** The decisions the server made for this page's organization; every flag off outside a provider. */
export const FlagsContext = createContext<Partial<Record<ClientFlagKey, boolean>>>({});

/**
 * Hands the server's flag decisions (`clientFlagsFor`) to the client components below it. The organization layout
 * renders one; nothing is fetched from the browser.
 */
export function FlagsProvider({ flags, children }: { flags: Record<ClientFlagKey, boolean>; children: ReactNode }) {
  return <FlagsContext value={flags}>{children}</FlagsContext>;
}
