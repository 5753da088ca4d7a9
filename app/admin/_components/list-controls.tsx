import { ChevronLeft, ChevronRight, Search } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { listHref, type ListSearch } from "@/lib/admin/list-search";

/** The search box of an admin list: a GET form, so a search is a URL to share and the back button works. */
export function ListSearchForm({ base, search, label, placeholder }: { base: string; search: ListSearch; label: string; placeholder: string }) {
  return (
    <form method="get" action={base} role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="grid flex-1 gap-2">
        <Label htmlFor="admin-search">{label}</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input id="admin-search" type="search" name="q" defaultValue={search.q} placeholder={placeholder} className="pl-9" />
        </div>
      </div>
      <div className="flex gap-2">
        <Button type="submit">Search</Button>
        {search.q ? (
          <Button asChild variant="ghost">
            <Link href={base}>Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Previous and next page links of an admin list. */
export function ListPager({ base, search, hasMore, label }: { base: string; search: ListSearch; hasMore: boolean; label: string }) {
  if (search.page === 1 && !hasMore) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4">
      <p className="text-sm text-muted-foreground">Page {search.page}</p>
      <div className="flex gap-2">
        {search.page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={listHref(base, search, search.page - 1)} rel="prev">
              <ChevronLeft aria-hidden /> Newer
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            <ChevronLeft aria-hidden /> Newer
          </Button>
        )}
        {hasMore ? (
          <Button asChild variant="outline" size="sm">
            <Link href={listHref(base, search, search.page + 1)} rel="next">
              Older <ChevronRight aria-hidden />
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Older <ChevronRight aria-hidden />
          </Button>
        )}
      </div>
    </nav>
  );
}
