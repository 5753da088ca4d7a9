import { configureDatabase } from "@/db/client";
import { DatabaseSetupError, describeConnectionError } from "@/db/url";

const CONNECTION_CODE = /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|CONNECT_TIMEOUT|28000|28P01|3D000)/;

/** One line a person can act on: the setup message, a described connection failure, or the error's first line. */
export function explainFailure(err: unknown, databaseUrl: string | undefined): string {
  if (err instanceof DatabaseSetupError) return err.message;
  // drizzle wraps driver errors; the driver's code sits on the cause.
  const cause = (err as { cause?: { code?: string } } | null)?.cause ?? err;
  const code = (cause as { code?: string } | null)?.code ?? "";
  if (databaseUrl && CONNECTION_CODE.test(code)) return describeConnectionError(cause, databaseUrl);
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "unknown error";
}

/**
 * Runs a command-line tool: on failure one clear line and exit code 1, never a stack trace (DEBUG=1 shows it).
 * `cleanup` runs either way, before the process exits.
 */
export async function runCli(name: string, main: () => Promise<void>, cleanup?: () => Promise<void>): Promise<void> {
  // A tool works on whatever database DATABASE_URL names when it first connects (it may set it itself first).
  configureDatabase(() => ({
    url: process.env.DATABASE_URL,
    preparedStatements: process.env.KEEL_EMBEDDED_DB !== "1" && !/^(false|0)$/.test(process.env.DATABASE_PREPARED_STATEMENTS ?? ""),
  }));
  let failed = false;
  try {
    await main();
  } catch (err) {
    failed = true;
    if (process.env.DEBUG) console.error(err);
    console.error(`${name}: ${explainFailure(err, process.env.DATABASE_URL)}`);
  } finally {
    await cleanup?.().catch(() => {});
  }
  if (failed) process.exit(1);
}
