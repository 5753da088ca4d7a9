import type { Metadata } from "next";
import Link from "next/link";
import { adminPage } from "@/lib/admin/admin-page";
import { parseListSearch } from "@/lib/admin/list-search";
import { loadUsersPage } from "@/lib/admin/load-users";
import { Cell, DataTable } from "../_components/data-table";
import { UserBadges } from "../_components/user-badges";
import { formatDay, formatWhen } from "../_components/format";
import { ListPager, ListSearchForm } from "../_components/list-controls";

export const metadata: Metadata = { title: "Users · Admin" };

/** Everyone with an account, newest first, searchable by email and name. */
export default adminPage(
  {
    name: "users",
    load: (tx, { searchParams }) => loadUsersPage(tx, parseListSearch(searchParams)),
  },
  ({ data: { search, users, hasMore } }) => (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-muted-foreground">Everyone with an account, newest first. Times are in UTC.</p>
      </div>
      <ListSearchForm base="/admin/users" search={search} label="Search users" placeholder="Email or name" />
      <DataTable
        label="Users"
        columns={[{ label: "Person" }, { label: "Status" }, { label: "Organizations", numeric: true }, { label: "Signed up", wide: true }, { label: "Last active" }]}
        empty={users.length === 0 ? (search.q ? `No one matches “${search.q}”.` : "No users yet.") : undefined}
      >
        {users.map((u) => (
          <tr key={u.id} className="hover:bg-muted/30">
            <Cell>
              <Link href={`/admin/users/${u.id}`} className="font-medium underline-offset-4 outline-none hover:underline focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring">
                {u.email}
              </Link>
              {u.name ? <div className="text-xs text-muted-foreground">{u.name}</div> : null}
            </Cell>
            <Cell>
              <UserBadges isPlatformAdmin={u.isPlatformAdmin} disabled={Boolean(u.disabledAt)} />
            </Cell>
            <Cell numeric>{u.orgCount}</Cell>
            <Cell wide>{formatDay(u.createdAt)}</Cell>
            <Cell className="whitespace-nowrap text-muted-foreground">{formatWhen(u.lastActiveAt)}</Cell>
          </tr>
        ))}
      </DataTable>
      <ListPager base="/admin/users" search={search} hasMore={hasMore} label="User pages" />
    </div>
  ),
);
