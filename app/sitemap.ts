import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/env";

/** The public pages, for search engines: the landing page, pricing and the docs. */
export default function sitemap(): MetadataRoute.Sitemap {
  const origin = appUrl();
  return [
    { url: `${origin}/`, changeFrequency: "monthly", priority: 1 },
    { url: `${origin}/pricing`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${origin}/docs`, changeFrequency: "weekly", priority: 0.6 },
  ];
}
