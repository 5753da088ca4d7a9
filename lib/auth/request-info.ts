import { headers } from "next/headers";
import { clientIp } from "@/lib/client-ip";

/** The caller's IP and browser, for rate limits, session devices and audit entries. */
export async function requestInfo(): Promise<{ ip: string; userAgent: string | null }> {
  return deviceOf(await headers());
}

/** The same, read from a request's headers (the IP as TRUSTED_PROXY allows: see lib/client-ip.ts). */
export function deviceOf(h: Headers): { ip: string; userAgent: string | null } {
  return { ip: clientIp(h), userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}
