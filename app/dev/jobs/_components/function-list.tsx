import { CalendarClock, Zap } from "lucide-react";
import type { JobFunction, JobRun } from "@/lib/dev/job-runs";
import { RunNowForm } from "./run-now-form";

/** The payload to offer for a run of an event function: the newest one seen for its event, else an empty object. */
function samplePayload(eventName: string, runs: JobRun[]): string {
  const seen = runs.find((run) => run.eventName === eventName);
  return JSON.stringify(seen?.eventData ?? {}, null, 2);
}

/** Every function the app serves, each with "Run now" (crons included). */
export function FunctionList({ functions, runs }: { functions: JobFunction[]; runs: JobRun[] }) {
  if (functions.length === 0) {
    return <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No functions synced yet: the executor syncs once the app answers.</p>;
  }
  const sorted = [...functions].sort((a, b) => a.id.localeCompare(b.id));
  return (
    <ul className="divide-y overflow-hidden rounded-lg border bg-card">
      {sorted.map((fn) => {
        const trigger = fn.triggers[0];
        const event = trigger && "event" in trigger ? { name: trigger.event, sample: samplePayload(trigger.event, runs) } : undefined;
        return (
          <li key={fn.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-4 py-3">
            <div className="min-w-0">
              <p className="truncate font-mono text-sm font-medium">{fn.id}</p>
              <ul className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                {fn.triggers.map((t) =>
                  "cron" in t ? (
                    <li key={`cron ${t.cron}`} className="inline-flex items-center gap-1">
                      <CalendarClock className="size-3.5" aria-hidden />
                      <span className="sr-only">Schedule: </span>
                      <code className="font-mono">{t.cron}</code>
                    </li>
                  ) : (
                    <li key={`event ${t.event}`} className="inline-flex items-center gap-1">
                      <Zap className="size-3.5" aria-hidden />
                      <span className="sr-only">Event: </span>
                      <code className="font-mono">{t.event}</code>
                    </li>
                  ),
                )}
              </ul>
            </div>
            {/* An event function's payload form takes the row's width once unfolded. */}
            <div className={event ? "ml-auto has-[details[open]]:w-full" : undefined}>
              <RunNowForm functionId={fn.id} event={event} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
