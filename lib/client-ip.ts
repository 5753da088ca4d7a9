import { isIP } from "node:net";
import { env, type Env } from "./env";
import { requestPeer } from "./request-peer";

/** Who sets the forwarded headers this server may believe (TRUSTED_PROXY). */
export type TrustedProxy = Env["TRUSTED_PROXY"];

const valid = (ip: string | undefined): string | undefined => {
  const address = ip?.trim().replace(/^\[(.*)\]$/, "$1");
  return address && isIP(address) ? address : undefined;
};

/**
 * The client's IP, for rate limits, audit entries and the sessions page. A client writes whatever headers it
 * likes, so they are believed only as TRUSTED_PROXY says:
 * - `none` (default): the TCP peer; forwarded headers are ignored.
 * - `vercel`: Vercel's `x-real-ip` (Vercel overwrites it, and `x-forwarded-for`, at its edge).
 * - a number N of proxies in front (load balancers): the N-th `x-forwarded-for` entry from the right, the address
 *   the outermost trusted proxy saw; entries left of it were written by the client and are ignored.
 * Falls back to the TCP peer, then to "unknown" (one shared budget) when nothing names the client.
 */
export function clientIp(headers: Headers, proxy: TrustedProxy = env().TRUSTED_PROXY, peer: string | undefined = requestPeer()): string {
  const fallback = valid(peer) ?? "unknown";
  if (proxy === "none") return fallback;
  if (proxy === "vercel") return valid(headers.get("x-real-ip") ?? undefined) ?? valid(headers.get("x-forwarded-for")?.split(",")[0]) ?? fallback;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return valid(hops[hops.length - proxy]) ?? fallback;
}
