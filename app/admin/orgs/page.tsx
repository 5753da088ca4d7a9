import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { adminPage } from "@/lib/admin/admin-page";
import { parseListSearch } from "@/lib/admin/list-search";
import { loadOrgsPage } from "@/lib/admin/load-orgs";
import { betterPlan } from "@/lib/plans";
import { Cell, DataTable } from "../_components/data-table";
import { formatDay, formatMrr, formatWhen } from "../_components/format";
import { ListPager, ListSearchForm } from "../_components/list-controls";

export const metadata: Metadata = { title: "Organizations · Admin" };

/** Every organization, newest first, searchable by slug and name. */
export default adminPage(
  {
    name: "orgs",
    load: (tx, { searchParams }) => loadOrgsPage(tx, parseListSearch(searchParams)),
  },
  ({ data: { search, orgs, hasMore } }) => (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Organizations</h1>
        <p className="mt-1 text-sm text-muted-foreground">Every organization, newest first. MRR is what Stripe bills each month; last active is any member&apos;s latest visit (UTC).</p>
      </div>
      <ListSearchForm base="/admin/orgs" search={search} label="Search organizations" placeholder="Slug or name" />
      <DataTable
        label="Organizations"
        columns={[{ label: "Organization" }, { label: "Plan" }, { label: "MRR", numeric: true }, { label: "Members", numeric: true }, { label: "Created", wide: true }, { label: "Last active", wide: true }]}
        empty={orgs.length === 0 ? (search.q ? `No organization matches “${search.q}”.` : "No organizations yet.") : undefined}
      >
        {orgs.map((o) => (
          <tr key={o.id} className="hover:bg-muted/30">
            <Cell>
              <Link href={`/admin/orgs/${o.id}`} className="font-medium underline-offset-4 outline-none hover:underline focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring">
                {o.name}
              </Link>
              <div className="text-xs text-muted-foreground">/{o.slug}</div>
            </Cell>
            <Cell>
              <span className="flex flex-wrap items-center gap-1">
                {betterPlan(o.plan, o.compPlan).name}
                {o.compPlan ? <Badge variant="outline">Comp</Badge> : null}
                {o.status && o.status !== "active" ? <Badge variant="secondary">{o.status.replace("_", " ")}</Badge> : null}
              </span>
            </Cell>
            <Cell numeric>{formatMrr(o.mrrCents)}</Cell>
            <Cell numeric>{o.memberCount}</Cell>
            <Cell wide>{formatDay(o.createdAt)}</Cell>
            <Cell wide className="whitespace-nowrap text-muted-foreground">
              {formatWhen(o.lastActiveAt)}
            </Cell>
          </tr>
        ))}
      </DataTable>
      <ListPager base="/admin/orgs" search={search} hasMore={hasMore} label="Organization pages" />
    </div>
  ),
);
