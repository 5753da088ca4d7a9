import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/env";

/** Crawlers may read the marketing pages; the app, its APIs and the dev tools are nobody's search result. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: ["/", "/pricing", "/docs"], disallow: ["/api/", "/dev/", "/account", "/new", "/invitations/"] },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
