import { headers } from "next/headers";

/** The origin links in emails point at: AUTH_URL when set (production), else the request's own origin. */
export function originFrom(h: Headers): string {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** The same, for the current request of a page or action. */
export async function appOrigin(): Promise<string> {
  return originFrom(await headers());
}
