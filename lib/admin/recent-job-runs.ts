import { z } from "zod";
import { fetchJobRuns } from "@/lib/dev/job-runs";
import { env } from "@/lib/env";

/** One job run as /admin/system lists it, whichever source it came from. */
export type RecentRun = { id: string; functionId: string; eventName: string; status: string; startedAt: string; durationMs: number | null; error: string | null };

/** Where the runs came from, and the runs (empty with a note when the source could not be read). */
export type RecentRuns = { source: "inngest-api" | "dev-executor" | "none"; note: string | null; runs: RecentRun[] };

const TIMEOUT_MS = 2_000;
const EVENTS = 10;

const eventsSchema = z.object({ data: z.array(z.looseObject({ internal_id: z.string(), name: z.string(), received_at: z.string().optional() })) });
const runsSchema = z.object({
  data: z.array(
    z.looseObject({
      run_id: z.string(),
      function_id: z.string(),
      status: z.string(),
      run_started_at: z.string().nullish(),
      ended_at: z.string().nullish(),
      output: z.unknown().optional(),
    }),
  ),
});

const failedOutput = (output: unknown): string | null => {
  if (!output || typeof output !== "object") return null;
  const o = output as { error?: unknown; message?: unknown };
  return typeof o.message === "string" ? o.message : typeof o.error === "string" ? o.error : null;
};

/**
 * The latest events' runs from Inngest's REST API (Inngest Cloud, or INNGEST_BASE_URL for a self-hosted one),
 * authenticated with the signing key: the runs of the last few events, newest first.
 */
async function fromInngestApi(signingKey: string): Promise<RecentRuns> {
  const base = env().INNGEST_BASE_URL ?? "https://api.inngest.com";
  const get = async (path: string) => {
    const response = await fetch(new URL(path, base), { headers: { authorization: `Bearer ${signingKey}` }, cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`Inngest API answered ${response.status}`);
    return response.json();
  };
  try {
    const events = eventsSchema.parse(await get(`/v1/events?limit=${EVENTS}`)).data;
    const perEvent = await Promise.all(
      events.map(async (event) => {
        const runs = runsSchema.parse(await get(`/v1/events/${encodeURIComponent(event.internal_id)}/runs`)).data;
        return runs.map((r) => ({
          id: r.run_id,
          functionId: r.function_id,
          eventName: event.name,
          status: r.status,
          startedAt: r.run_started_at ?? event.received_at ?? "",
          durationMs: r.run_started_at && r.ended_at ? new Date(r.ended_at).getTime() - new Date(r.run_started_at).getTime() : null,
          error: /fail/i.test(r.status) ? failedOutput(r.output) : null,
        }));
      }),
    );
    return { source: "inngest-api", note: null, runs: perEvent.flat() };
  } catch (err) {
    return { source: "inngest-api", note: `Inngest's API could not be read (${err instanceof Error ? err.message : "unknown error"}).`, runs: [] };
  }
}

/**
 * Recent job runs: from Inngest's REST API when INNGEST_SIGNING_KEY is set, from Keel's dev executor's run log
 * otherwise (lib/dev/job-runs.ts). Never throws; an unreachable source comes back as a note.
 */
export async function recentJobRuns(): Promise<RecentRuns> {
  const signingKey = env().INNGEST_SIGNING_KEY;
  if (signingKey) return fromInngestApi(signingKey);
  const dev = await fetchJobRuns();
  switch (dev.kind) {
    case "runs":
      return {
        source: "dev-executor",
        note: null,
        runs: dev.runs.map((r) => ({ id: r.id, functionId: r.functionId, eventName: r.eventName, status: r.status, startedAt: r.startedAt, durationMs: r.durationMs ?? null, error: r.error?.message ?? null })),
      };
    case "external":
      return { source: "dev-executor", note: `The dev server at ${dev.executorUrl} keeps its own run log: open its UI.`, runs: [] };
    case "unreachable":
      return { source: "dev-executor", note: `The dev executor at ${dev.executorUrl} did not answer.`, runs: [] };
    default:
      return { source: "none", note: "No job transport is configured: set INNGEST_SIGNING_KEY (production) or INNGEST_DEV (development).", runs: [] };
  }
}
