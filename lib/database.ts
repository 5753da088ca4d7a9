import { configureDatabase } from "@/db/client";
import { env } from "./env";
import { log } from "./log";

/**
 * Points db/ at this process's database, with the app's logger for `withSystem`'s lines. The server start
 * (lib/server-start.ts) and the test setup call it once; settings are read when the pool opens.
 */
export function connectDatabase(): void {
  configureDatabase(() => {
    const { DATABASE_URL, DATABASE_REPLICA_URLS, DATABASE_POOL_MAX, DATABASE_PREPARED_STATEMENTS, KEEL_EMBEDDED_DB } = env();
    const preparedStatements = DATABASE_PREPARED_STATEMENTS && !KEEL_EMBEDDED_DB;
    return { url: DATABASE_URL, replicaUrls: DATABASE_REPLICA_URLS, poolMax: DATABASE_POOL_MAX, preparedStatements, logger: log };
  });
}
