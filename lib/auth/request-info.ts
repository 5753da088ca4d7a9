import { headers } from "next/headers";

/**
 * The caller's IP and browser, for rate limits, session devices and audit entries. The IP is the first hop of
 * `x-forwarded-for`, which is only trustworthy behind a proxy that sets it (Vercel, a load balancer).
 */
export async function requestInfo(): Promise<{ ip: string; userAgent: string | null }> {
  return deviceOf(await headers());
}

/** The same, read from a request's headers. */
export function deviceOf(h: Headers): { ip: string; userAgent: string | null } {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || "127.0.0.1", userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}
