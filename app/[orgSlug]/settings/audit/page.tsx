import { ChevronLeft, ChevronRight, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/no-access";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { AuditEntryRow } from "@/db/queries/audit";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { auditSearchHref, auditSearchProblems, parseAuditSearch, type AuditSearch } from "@/lib/audit/audit-filter";
import { auditActionLabel, auditChanges, auditTargetName } from "@/lib/audit/describe-entry";
import { listAuditPage } from "@/lib/audit/list-audit-page";
import { describeDevice } from "@/lib/auth/describe-device";
import { orgPage } from "@/lib/org-page";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const selectClass =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background";

/** Who did what in the organization, newest first, filtered by action, person and date (audit:read). */
export default orgPage(
  {
    permission: "audit:read",
    noAccess: (org) => <NoAccess title="You don't have access to the audit log">Only owners and admins of {org.name} can see its audit log.</NoAccess>,
    load: (tx, { org, searchParams }) => listAuditPage(tx, org, parseAuditSearch(searchParams)),
  },
  ({ org, searchParams, data: { entries, hasMore, actions, actors, retentionDays, planName } }) => {
    const search = parseAuditSearch(searchParams);
    const problems = auditSearchProblems(searchParams);
    const base = `/${org.slug}/settings/audit`;
    const filtered = Boolean(search.action || search.actor || search.from || search.to);

    return (
      <div className="grid gap-6">
        <div>
          <h2 className="text-lg font-semibold">Audit log</h2>
          <p className="mt-1 text-sm text-muted-foreground">
            Who changed what in {org.name}, newest first, over the last {retentionDays} days ({planName} plan). Times are in UTC.
          </p>
        </div>

        <form method="get" action={base} className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end">
          <div className="grid gap-2">
            <Label htmlFor="audit-action">Action</Label>
            <select id="audit-action" name="action" defaultValue={search.action ?? ""} className={selectClass}>
              <option value="">All actions</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid gap-2">
            <Label htmlFor="audit-actor">Person</Label>
            <select id="audit-actor" name="actor" defaultValue={search.actor ?? ""} className={selectClass}>
              <option value="">Everyone</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name ? `${a.name} (${a.email})` : a.email}
                </option>
              ))}
            </select>
          </div>
          <div className="grid gap-2">
            <Label htmlFor="audit-from">From</Label>
            <input id="audit-from" type="date" name="from" defaultValue={search.from} className={selectClass} />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="audit-to">To</Label>
            <input id="audit-to" type="date" name="to" defaultValue={search.to} className={selectClass} />
          </div>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
            <Button type="submit" className="flex-1 lg:flex-none">
              Filter
            </Button>
            {filtered ? (
              <Button asChild variant="ghost">
                <Link href={base}>Clear</Link>
              </Button>
            ) : null}
          </div>
        </form>

        {problems.length > 0 ? (
          <Alert variant="destructive">
            <AlertTitle>These filters can&apos;t match anything</AlertTitle>
            <AlertDescription>
              <ul className="list-disc pl-4">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </AlertDescription>
          </Alert>
        ) : entries.length === 0 ? (
          <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
            <ScrollText className="size-8 text-muted-foreground" aria-hidden />
            <p className="mt-3 font-medium">{filtered || search.page > 1 ? "No entries match these filters" : "Nothing recorded yet"}</p>
            <p className="mt-1 text-sm text-muted-foreground">
              {filtered ? "Try a wider date range or another action." : "Changes to projects, members and settings will appear here."}
            </p>
          </div>
        ) : (
          // Focusable, so a keyboard can scroll it on a narrow screen (at 1280 px it fits without scrolling).
          <div className="relative overflow-x-auto rounded-xl border bg-card shadow-xs" tabIndex={0} role="region" aria-label="Audit log entries">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit log entries, newest first</caption>
              <thead className="border-b bg-muted/40 text-xs text-muted-foreground">
                <tr>
                  {["When", "Person", "What happened", "Target"].map((h) => (
                    <th key={h} scope="col" className="px-4 py-2.5 font-medium">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="hidden px-4 py-2.5 font-medium xl:table-cell">
                    From
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {entries.map((e) => (
                  <EntryRow key={e.id} entry={e} />
                ))}
              </tbody>
            </table>
          </div>
        )}

        <Pagination base={base} search={search} hasMore={hasMore} />
      </div>
    );
  },
);

function EntryRow({ entry }: { entry: AuditEntryRow }) {
  const changes = auditChanges(entry.action, entry.metadata);
  const device = entry.userAgent ? describeDevice(entry.userAgent).label : null;
  // IP, browser and request id: a column of their own where there is room, under the action where there is not.
  const origin = (
    <>
      <span className="font-mono">{entry.ip ?? "unknown IP"}</span>
      {device ? <span title={entry.userAgent ?? undefined}> · {device}</span> : null}
      {entry.requestId ? (
        <span className="font-mono" title={entry.requestId}>
          {" "}
          · req {entry.requestId.slice(0, 8)}
        </span>
      ) : null}
    </>
  );
  return (
    <tr className="align-top">
      <td className="px-4 py-3 whitespace-nowrap text-muted-foreground">
        <time dateTime={entry.createdAt.toISOString()}>{when.format(entry.createdAt)}</time>
      </td>
      <td className="px-4 py-3">
        {entry.actor ? (
          <div className="max-w-[14rem]">
            <div className="truncate font-medium">{entry.actor.name ?? entry.actor.email}</div>
            {entry.actor.name ? <div className="truncate text-xs text-muted-foreground">{entry.actor.email}</div> : null}
          </div>
        ) : (
          <span className="text-muted-foreground">System or deleted user</span>
        )}
      </td>
      <td className="px-4 py-3">
        <div title={entry.action}>{auditActionLabel(entry.action)}</div>
        {changes.map((c) => (
          <div key={c.field} className="text-xs text-muted-foreground">
            <span className="capitalize">{c.field}</span>: {c.from || "(empty)"} → <span className="text-foreground">{c.to || "(empty)"}</span>
          </div>
        ))}
        <div className="mt-1 text-xs text-muted-foreground xl:hidden">{origin}</div>
      </td>
      <td className="px-4 py-3">
        <div className="max-w-[16rem] truncate" title={entry.targetId ?? undefined}>
          {entry.targetType ? auditTargetName(entry) : <span className="text-muted-foreground">—</span>}
        </div>
      </td>
      <td className="hidden max-w-[18rem] px-4 py-3 text-xs text-muted-foreground xl:table-cell">{origin}</td>
    </tr>
  );
}

function Pagination({ base, search, hasMore }: { base: string; search: AuditSearch; hasMore: boolean }) {
  if (search.page === 1 && !hasMore) return null;
  return (
    <nav aria-label="Audit log pages" className="flex items-center justify-between gap-4">
      <p className="text-sm text-muted-foreground">Page {search.page}</p>
      <div className="flex gap-2">
        {search.page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={auditSearchHref(base, search, { page: search.page - 1 })} rel="prev">
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
            <Link href={auditSearchHref(base, search, { page: search.page + 1 })} rel="next">
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
