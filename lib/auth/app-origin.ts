import { headers } from "next/headers";
import { appUrl, env } from "@/lib/env";

/** The origin links in emails point at: `appUrl()` when AUTH_URL is set (production), else the request's own origin. */
export function originFrom(h: Headers): string {
  if (env().AUTH_URL) return appUrl();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** The same, for the current request of a page or action. */
export async function appOrigin(): Promise<string> {
  return originFrom(await headers());
}
