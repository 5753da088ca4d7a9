import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/** The outcome of one dependency check, as `/api/health` reports it. */
export type CheckResult = { status: "ok" | "error"; latencyMs: number; error?: string };

/** Fails a promise that takes longer than `ms`, so a hung dependency cannot hang the health check. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// A short, fixed vocabulary: the health endpoint is public and must not echo driver messages.
function reason(err: unknown): string {
  const code = ((err as { cause?: { code?: string } })?.cause ?? (err as { code?: string }))?.code;
  if (code === "ETIMEDOUT" || code === "CONNECT_TIMEOUT") return "timed out";
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN") return "unreachable";
  if (err instanceof Error && err.name === "DatabaseSetupError") return "not configured";
  return "failed";
}

/** Runs a check against a deadline and times it; never throws. */
export async function runCheck(check: () => Promise<unknown>, timeoutMs = 2_000): Promise<CheckResult> {
  const started = performance.now();
  try {
    await withTimeout(Promise.resolve().then(check), timeoutMs);
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: "error", latencyMs: Math.round(performance.now() - started), error: reason(err) };
  }
}

/** The database answers a trivial query. */
export const checkDatabase = () => runCheck(() => db.execute(sql`select 1`));
