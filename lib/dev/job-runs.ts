import { z } from "zod";
import { env } from "@/lib/env";

const runSchema = z.object({
  id: z.string(),
  functionId: z.string(),
  eventName: z.string(),
  eventId: z.string(),
  status: z.string(),
  attempts: z.number(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  durationMs: z.number().optional(),
  error: z.looseObject({ name: z.string().optional(), message: z.string().optional() }).optional(),
  steps: z.array(z.looseObject({ name: z.string(), op: z.string(), status: z.string(), attempts: z.number() })).default([]),
});

/** One run as the dev executor reports it at `/dev/runs`. */
export type JobRun = z.infer<typeof runSchema>;

/** Where recent runs can be read, and whether they could be. */
export type JobRunsResult =
  | { kind: "runs"; executorUrl: string; runs: JobRun[] }
  | { kind: "external"; executorUrl: string }
  | { kind: "unreachable"; executorUrl: string }
  | { kind: "not-dev" };

/**
 * Recent job runs from Keel's dev executor. The inngest-cli dev server (a drop-in) keeps its own UI, so for it,
 * and for production, there is nothing to list here.
 */
export async function fetchJobRuns(): Promise<JobRunsResult> {
  const executorUrl = env().INNGEST_DEV;
  if (!executorUrl || !/^https?:\/\//.test(executorUrl)) return { kind: "not-dev" };
  let response: Response;
  try {
    response = await fetch(new URL("/dev/runs", executorUrl), { cache: "no-store", signal: AbortSignal.timeout(2_000) });
  } catch {
    return { kind: "unreachable", executorUrl };
  }
  if (response.status === 404) return { kind: "external", executorUrl };
  const parsed = z.object({ runs: z.array(runSchema) }).safeParse(await response.json().catch(() => null));
  return parsed.success ? { kind: "runs", executorUrl, runs: parsed.data.runs } : { kind: "external", executorUrl };
}
