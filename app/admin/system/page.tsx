import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { adminPage } from "@/lib/admin/admin-page";
import { recentJobRuns } from "@/lib/admin/recent-job-runs";
import { cacheHealth, databaseHealth } from "@/lib/admin/system-health";
import { Cell, DataTable, Section } from "../_components/data-table";
import { formatWhen } from "../_components/format";

export const metadata: Metadata = { title: "System · Admin" };

const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);

function age(ms: number | null): string {
  if (ms === null) return "—";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "under a minute";
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h`;
}

function Stat({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: ReactNode; tone?: "warn" }) {
  return (
    <div className="rounded-xl border bg-card p-4 shadow-xs">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className={tone === "warn" ? "mt-1 text-2xl font-semibold text-destructive tabular-nums" : "mt-1 text-2xl font-semibold tabular-nums"}>{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-muted-foreground">{detail}</dd> : null}
    </div>
  );
}

const failed = (status: string) => /fail|error|cancel/i.test(status);

/** Job and platform health: job runs and failures, outbox backlog, webhook failure rate, cache, database connections. */
export default adminPage({ name: "system", load: (tx) => databaseHealth(tx) }, async ({ data: db }) => {
  // Network reads, outside the page's database transaction.
  const [jobs, cacheInfo] = await Promise.all([recentJobRuns(), cacheHealth()]);
  const failures = jobs.runs.filter((r) => failed(r.status));
  const connections = db.pool.byState.reduce((sum, c) => sum + c.n, 0);
  return (
    <div className="grid gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">System</h1>
        <p className="mt-1 text-sm text-muted-foreground">Jobs, the outbox, webhooks, the cache and the database, as of this page load (UTC).</p>
      </div>

      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Outbox backlog" value={db.outbox.pending} detail={db.outbox.pending ? `Oldest waiting ${age(db.outbox.oldestAgeMs)}; ${db.outbox.failing} failed a send` : "Nothing waiting"} tone={db.outbox.oldestAgeMs !== null && db.outbox.oldestAgeMs > 10 * 60_000 ? "warn" : undefined} />
        <Stat
          label="Webhook failure rate (24 h)"
          value={percent(db.webhooks.failureRate)}
          detail={`${db.webhooks.succeeded} delivered, ${db.webhooks.failed} gave up, ${db.webhooks.retrying + db.webhooks.pending} in flight`}
          tone={db.webhooks.failureRate !== null && db.webhooks.failureRate > 0.05 ? "warn" : undefined}
        />
        <Stat
          label={`Cache (${cacheInfo.backend === "upstash" ? "Upstash Redis" : "in-process"})`}
          value={percent(cacheInfo.hitRate)}
          detail={`Hit rate of this server process: ${cacheInfo.hits} hits, ${cacheInfo.misses} misses since ${formatWhen(cacheInfo.since)}. ${cacheInfo.ping.ok ? `Ping ${cacheInfo.ping.ms} ms.` : "Not answering."}`}
          tone={cacheInfo.ping.ok ? undefined : "warn"}
        />
        <Stat
          label="Database connections"
          value={connections}
          detail={`Client connections to this database from every app process (pg_stat_activity): ${db.pool.byState.map((c) => `${c.n} ${c.state}`).join(", ") || "none"}. Each process's pool holds up to ${db.pool.maxPerProcess}.`}
        />
      </dl>

      <Section
        title="Recent job runs"
        description={
          jobs.source === "inngest-api"
            ? "From Inngest's API: the runs of the latest events."
            : jobs.source === "dev-executor"
              ? "From the dev executor's run log."
              : "No job transport is configured."
        }
      >
        {jobs.note ? <p className="rounded-md border border-dashed px-4 py-3 text-sm text-muted-foreground">{jobs.note}</p> : null}
        {jobs.runs.length ? (
          <p className="text-sm">
            {failures.length ? (
              <span className="font-medium text-destructive">
                {failures.length} of {jobs.runs.length} recent runs failed.
              </span>
            ) : (
              `No failures among the last ${jobs.runs.length} runs.`
            )}
          </p>
        ) : null}
        <DataTable
          label="Recent job runs"
          columns={[{ label: "Function" }, { label: "Status" }, { label: "Event", wide: true }, { label: "Started" }, { label: "Duration", numeric: true, wide: true }]}
          empty={jobs.runs.length === 0 && !jobs.note ? "No runs yet." : undefined}
        >
          {jobs.runs.slice(0, 50).map((r) => (
            <tr key={r.id}>
              <Cell>
                <code className="text-xs">{r.functionId}</code>
                {r.error ? <div className="mt-1 max-w-sm truncate text-xs text-destructive">{r.error}</div> : null}
              </Cell>
              <Cell>
                <Badge variant={failed(r.status) ? "destructive" : "secondary"}>{r.status.toLowerCase()}</Badge>
              </Cell>
              <Cell wide>
                <code className="text-xs">{r.eventName}</code>
              </Cell>
              <Cell className="whitespace-nowrap">{formatWhen(r.startedAt || null)}</Cell>
              <Cell numeric wide>
                {r.durationMs === null ? "—" : `${r.durationMs} ms`}
              </Cell>
            </tr>
          ))}
        </DataTable>
      </Section>
    </div>
  );
});
