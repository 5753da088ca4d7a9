// GET /api/health - liveness with a database check; ?deep=1 adds the cache, the job transport and the outbox backlog.
// 200 when every required check passes, 503 naming the failed ones otherwise.
import { appVersion } from "@/lib/env";
import { checkCache, checkDatabase, checkJobs, checkOutbox, type CheckResult } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const deep = new URL(request.url).searchParams.get("deep") === "1";
  const [database, cache, jobs, outbox] = await Promise.all([checkDatabase(), deep ? checkCache() : null, deep ? checkJobs() : null, deep ? checkOutbox() : null]);
  const checks: Record<string, CheckResult> = { database, ...(cache ? { cache } : {}), ...(jobs ? { jobs } : {}), ...(outbox ? { outbox } : {}) };
  const failed = Object.entries(checks).filter(([, c]) => c.status === "error").map(([name]) => name);
  const healthy = failed.every((name) => !checks[name]!.required);
  return Response.json(
    { status: healthy ? (failed.length ? "degraded" : "ok") : "error", version: appVersion(), failed, checks },
    { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
