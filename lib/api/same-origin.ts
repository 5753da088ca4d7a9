import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/env";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A request that changes something with the session cookie must come from the app's own pages: its Origin (sent
 * by browsers with every such request) is the app's or its Host's, and its Sec-Fetch-Site is not cross-site. A
 * forged form on another site carries the victim's cookie (sameSite=lax still sends it in some cases) but not our
 * Origin. Clients without Origin (curl, servers) are not browsers, so no cookie rides along without their consent.
 */
export function requireSameOrigin(request: Request): void {
  if (safeMethods.has(request.method)) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const host = request.headers.get("host");
  const allowed = new Set([appUrl(), ...(host ? [`http://${host}`, `https://${host}`] : [])]);
  if ((origin && !allowed.has(origin)) || (site && site !== "same-origin" && site !== "none")) {
    throw new AppError("forbidden", "This request must come from the app's own pages.");
  }
}
