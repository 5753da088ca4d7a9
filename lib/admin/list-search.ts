import { z } from "zod";

const listSearchSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The search and page of an admin list, from its URL: `?q=acme&page=2` (anything malformed reads as the default). */
export type ListSearch = z.infer<typeof listSearchSchema>;

/** Parses an admin list's searchParams; never throws (a bad page number is page 1). */
export function parseListSearch(params: Record<string, string | string[] | undefined>): ListSearch {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return listSearchSchema.parse({ q: first(params.q) ?? "", page: first(params.page) ?? "1" });
}

/** The URL of a list page with this search. */
export function listHref(base: string, search: ListSearch, page = search.page): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
