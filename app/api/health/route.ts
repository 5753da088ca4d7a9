// GET /api/health - liveness with a database check: 200, or 503 naming the failed check.
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const checks = { database: await checkDatabase() };
  const failed = Object.entries(checks).filter(([, c]) => c.status === "error").map(([name]) => name);
  return Response.json(
    { status: failed.length ? "error" : "ok", version: process.env.KEEL_VERSION ?? "dev", failed, checks },
    { status: failed.length ? 503 : 200, headers: { "cache-control": "no-store" } },
  );
}
