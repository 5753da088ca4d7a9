import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import path from "node:path";
import { serveWireProtocol } from "./pglite-wire-server";

/** PGlite (real Postgres compiled to WASM) behind the Postgres wire protocol, so postgres.js is the only driver. */
export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

function ownsLock(lockFile: string): boolean {
  try {
    const pid = Number(fs.readFileSync(lockFile, "utf8"));
    if (!pid || pid === process.pid) return false;
    process.kill(pid, 0); // throws when no such process
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the embedded database. With `dataDir` the data persists there; without, it lives in memory.
 * PGlite has no locking of its own and two processes on one directory lose data silently, so a lock file
 * makes this process the directory's only owner.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  let lockFile: string | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    lockFile = path.join(options.dataDir, "..", `${path.basename(options.dataDir)}.lock`);
    if (ownsLock(lockFile)) {
      const pid = fs.readFileSync(lockFile, "utf8").trim();
      throw new Error(`the embedded database in ${options.dataDir} is in use by process ${pid}; stop it first`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = await serveWireProtocol(pglite, { host: "127.0.0.1", port: options.port ?? 0 });
  let stopped = false;
  return {
    url: `postgres://postgres@localhost:${server.port}/postgres`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      await pglite.close();
      if (lockFile) fs.rmSync(lockFile, { force: true });
    },
  };
}
