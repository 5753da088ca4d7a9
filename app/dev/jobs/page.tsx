import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { devToolsOpen } from "@/lib/dev/dev-tools";
import { fetchJobRuns } from "@/lib/dev/job-runs";
import { AutoRefresh } from "./_components/auto-refresh";
import { FunctionList } from "./_components/function-list";
import { RunRow } from "./_components/run-row";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

// GET /dev/jobs - recent job runs of the dev executor, "Run now" for every function and "Replay" for a finished run
// (dev tools only).
export default async function JobsPage() {
  if (!devToolsOpen()) notFound();
  const result = await fetchJobRuns();
  if (result.kind === "not-dev") notFound();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Recent runs of the Inngest functions in <code className="font-mono">jobs/</code>, executed by{" "}
            <span className="font-mono">{result.executorUrl}</span>.
          </p>
        </div>
        {result.kind === "runs" ? <AutoRefresh /> : null}
      </div>

      {result.kind === "unreachable" ? (
        <p role="alert" className="rounded-lg border border-destructive/30 bg-destructive/10 px-4 py-3 text-sm">
          The job executor at <span className="font-mono">{result.executorUrl}</span> is not answering. Events are kept in the
          outbox and sent once it is back.
        </p>
      ) : result.kind === "external" ? (
        <p className="rounded-lg border px-4 py-3 text-sm">
          Jobs run on the Inngest dev server: its own dashboard at{" "}
          <a className="font-medium text-primary underline-offset-4 hover:underline" href={result.executorUrl}>
            {result.executorUrl}
          </a>{" "}
          lists the runs.
        </p>
      ) : (
        <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <section aria-labelledby="runs-heading" className="min-w-0 space-y-3">
            <h2 id="runs-heading" className="text-lg font-semibold tracking-tight">
              Recent runs
            </h2>
            {result.runs.length === 0 ? (
              <div className="rounded-lg border border-dashed px-6 py-12 text-center">
                <p className="font-medium">No runs yet</p>
                <p className="mt-1 text-sm text-muted-foreground">
                  Runs appear here when the app sends an event (an email, say), a scheduled function fires, or you run one now.
                </p>
              </div>
            ) : (
              <div className="overflow-hidden rounded-lg border bg-card">
                <div className="hidden grid-cols-[minmax(0,2fr)_7rem_5rem_6rem_8rem] gap-x-4 border-b bg-muted/50 px-4 py-2 text-xs font-medium text-muted-foreground uppercase sm:grid">
                  <span>Function</span>
                  <span>Status</span>
                  <span>Attempts</span>
                  <span>Duration</span>
                  <span>Started</span>
                </div>
                <ul aria-label="Runs">
                  {result.runs.map((run) => (
                    <RunRow key={run.id} run={run} />
                  ))}
                </ul>
              </div>
            )}
          </section>
          <section aria-labelledby="functions-heading" className="space-y-3">
            <div>
              <h2 id="functions-heading" className="text-lg font-semibold tracking-tight">
                Functions
              </h2>
              <p className="mt-1 text-sm text-muted-foreground">Run any of them now: a scheduled one as its schedule would, an event one with the data you give.</p>
            </div>
            <FunctionList functions={result.functions} runs={result.runs} />
          </section>
        </div>
      )}
    </div>
  );
}
