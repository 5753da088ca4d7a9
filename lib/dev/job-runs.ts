import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const runSchema = z.object({
  id: z.string(),
  functionId: z.string(),
  eventName: z.string(),
  eventId: z.string(),
  eventData: z.record(z.string(), z.unknown()).default({}),
  status: z.string(),
  attempts: z.number(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  durationMs: z.number().optional(),
  error: z.looseObject({ name: z.string().optional(), message: z.string().optional() }).optional(),
  steps: z.array(z.looseObject({ name: z.string(), op: z.string(), status: z.string(), attempts: z.number() })).default([]),
});

const functionSchema = z.object({
  id: z.string(),
  name: z.string(),
  triggers: z.array(z.union([z.object({ cron: z.string() }), z.object({ event: z.string() })])),
});

/** One run as the dev executor reports it at `/dev/runs`. */
export type JobRun = z.infer<typeof runSchema>;

/** One function the app serves, as the dev executor last synced it (`/dev/functions`). */
export type JobFunction = z.infer<typeof functionSchema>;

/** Where recent runs can be read, and whether they could be. */
export type JobRunsResult =
  | { kind: "runs"; executorUrl: string; runs: JobRun[]; functions: JobFunction[] }
  | { kind: "external"; executorUrl: string }
  | { kind: "unreachable"; executorUrl: string }
  | { kind: "not-dev" };

/** The dev executor's URL, when INNGEST_DEV names one (not `1`, Inngest's "dev mode, default URL"). */
function executorUrl(): string | undefined {
  const url = env().INNGEST_DEV;
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

async function getJson(url: URL): Promise<{ status: number; body: unknown } | undefined> {
  try {
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(2_000) });
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch {
    return undefined;
  }
}

/**
 * Recent job runs and the synced functions from Keel's dev executor. The inngest-cli dev server (a drop-in) keeps
 * its own UI, so for it, and for production, there is nothing to list here.
 */
export async function fetchJobRuns(): Promise<JobRunsResult> {
  const base = executorUrl();
  if (!base) return { kind: "not-dev" };
  const [runs, functions] = await Promise.all([getJson(new URL("/dev/runs", base)), getJson(new URL("/dev/functions", base))]);
  if (!runs || !functions) return { kind: "unreachable", executorUrl: base };
  const parsedRuns = z.object({ runs: z.array(runSchema) }).safeParse(runs.body);
  const parsedFunctions = z.object({ functions: z.array(functionSchema) }).safeParse(functions.body);
  if (!parsedRuns.success || !parsedFunctions.success) return { kind: "external", executorUrl: base };
  return { kind: "runs", executorUrl: base, runs: parsedRuns.data.runs, functions: parsedFunctions.data.functions };
}

/** Posts to the dev executor and returns the run it started; its refusals become AppErrors a form can show. */
async function startRun(path: string, body?: unknown): Promise<{ runId: string }> {
  const base = executorUrl();
  if (!base) throw new AppError("not_found", "Not found.");
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    throw new AppError("internal_error", `The job executor at ${base} is not answering.`);
  }
  const json = (await response.json().catch(() => null)) as { runId?: unknown; error?: unknown } | null;
  if (response.ok && typeof json?.runId === "string") return { runId: json.runId };
  // The executor is a dev tool on this machine: its message ("run … has not finished") is for the developer.
  const message = typeof json?.error === "string" ? json.error : `The job executor answered ${response.status}.`;
  throw new AppError(response.status === 404 ? "not_found" : response.status === 409 ? "conflict" : "bad_request", message);
}

/** Runs one function now (a cron function as its schedule would; an event function with `data` as its event's payload). */
export function runJobNow(functionId: string, data?: Record<string, unknown>): Promise<{ runId: string }> {
  return startRun(`/dev/functions/${encodeURIComponent(functionId)}/run`, data === undefined ? undefined : { data });
}

/** Runs a finished run's function again with the same event. */
export function replayJobRun(runId: string): Promise<{ runId: string }> {
  return startRun(`/dev/runs/${encodeURIComponent(runId)}/replay`);
}
