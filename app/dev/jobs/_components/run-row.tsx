import { Badge } from "@/components/ui/badge";
import type { JobRun } from "@/lib/dev/job-runs";
import { cn } from "@/lib/utils";
import { ReplayButton } from "./replay-button";

const statusStyle: Record<string, string> = {
  completed: "bg-success/15 text-success border-success/30",
  failed: "bg-destructive/15 text-destructive border-destructive/30",
  running: "bg-primary/10 text-primary border-primary/30",
  cancelled: "bg-muted text-muted-foreground",
};

function duration(ms: number | undefined): string {
  if (ms === undefined) return "…";
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** One run: function, status, attempts, duration and start; its steps and error unfold below. */
export function RunRow({ run }: { run: JobRun }) {
  const started = new Date(run.startedAt);
  return (
    <li className="border-b last:border-b-0">
      <details className="group">
        <summary className="grid cursor-pointer list-none grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 px-4 py-3 outline-none hover:bg-accent/50 focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset sm:grid-cols-[minmax(0,2fr)_7rem_5rem_6rem_8rem]">
          <span className="min-w-0">
            <span className="block truncate font-mono text-sm font-medium">{run.functionId}</span>
            <span className="block truncate text-xs text-muted-foreground">{run.eventName}</span>
            {run.error ? (
              <span className="block truncate text-xs text-destructive" title={run.error.message}>
                {run.error.message ?? run.error.name}
              </span>
            ) : null}
          </span>
          <span>
            <Badge variant="outline" className={cn("capitalize", statusStyle[run.status])}>
              {run.status}
            </Badge>
          </span>
          <span className="text-sm text-muted-foreground tabular-nums sm:text-foreground">
            <span className="sm:hidden">Attempts: </span>
            {run.attempts}
          </span>
          <span className="text-sm tabular-nums">{duration(run.durationMs)}</span>
          <time dateTime={run.startedAt} className="text-sm text-muted-foreground tabular-nums" title={started.toISOString()}>
            {started.toLocaleTimeString("en-GB", { hour12: false })}
          </time>
        </summary>
        <div className="space-y-3 bg-muted/40 px-4 py-3 text-sm">
          {run.error ? (
            <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 font-mono text-xs text-destructive">
              {run.error.name ?? "Error"}: {run.error.message ?? "unknown error"}
            </p>
          ) : null}
          {run.steps.length ? (
            <ol className="space-y-1">
              {run.steps.map((step, i) => (
                <li key={`${step.name}-${i}`} className="flex flex-wrap items-center gap-x-3 font-mono text-xs">
                  <span className="text-muted-foreground">{step.op}</span>
                  <span className="font-medium">{step.name}</span>
                  <span className={cn(step.status === "failed" && "text-destructive")}>{step.status}</span>
                  {step.attempts > 1 ? <span className="text-muted-foreground">{step.attempts} attempts</span> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-muted-foreground">No steps recorded.</p>
          )}
          <details>
            <summary className="w-fit cursor-pointer rounded-sm text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
              Event data
            </summary>
            <pre className="mt-2 max-h-64 overflow-auto rounded-md border bg-background p-3 font-mono text-xs" tabIndex={0}>
              {JSON.stringify(run.eventData, null, 2)}
            </pre>
          </details>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="font-mono text-xs text-muted-foreground">
              run {run.id} · event {run.eventId}
            </p>
            {/* A run still going would race its replay on the same side effects: the executor refuses it too. */}
            {run.status === "running" ? null : <ReplayButton runId={run.id} />}
          </div>
        </div>
      </details>
    </li>
  );
}
