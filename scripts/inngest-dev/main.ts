// tsx scripts/inngest-dev/main.ts [--serve http://localhost:3000/api/inngest] [--port 8288] [--host 127.0.0.1]
//   [--backoff-ms 1000] [--sync-interval-ms 5000]
// Runs the development executor until Ctrl-C. Start the app with INNGEST_DEV=<the URL it prints>.
import { parseArgs } from "node:util";
import { startDevExecutor } from "./index";

const { values } = parseArgs({
  options: {
    serve: { type: "string", default: process.env.INNGEST_SERVE_URL ?? "http://localhost:3000/api/inngest" },
    port: { type: "string", default: "8288" },
    host: { type: "string", default: "127.0.0.1" },
    "backoff-ms": { type: "string", default: "1000" },
    "sync-interval-ms": { type: "string", default: "5000" },
  },
});

function intOption(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`inngest-dev: --${name} must be a whole number, got "${raw}"`);
    process.exit(1);
  }
  return n;
}

try {
  const executor = await startDevExecutor({
    serveUrl: new URL(values.serve).href,
    port: intOption("port", values.port),
    host: values.host,
    baseBackoffMs: intOption("backoff-ms", values["backoff-ms"]),
    syncIntervalMs: intOption("sync-interval-ms", values["sync-interval-ms"]),
  });
  console.log(`inngest-dev: executing ${values.serve}; start the app with INNGEST_DEV=${executor.url}`);
  const shutdown = () => void executor.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (err) {
  // One line a person can act on, e.g. the port is taken by another dev server.
  console.error(`inngest-dev: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
