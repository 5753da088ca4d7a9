// npm run bench:platform - the platform services under load: cache hits (in-process and through the REST bridge
// to Redis), single-flight under a stampede, and outbox relay throughput to the dev executor.
import { log } from "@/lib/log";
import { runCli } from "../cli";
import { benchCache } from "./cache";
import { benchOutbox } from "./outbox";

// Per-request info lines would drown the figures.
log.level = process.env.LOG_LEVEL ?? "warn";

await runCli("bench:platform", async () => {
  for (const line of await benchCache()) console.log(line);
  console.log("");
  for (const line of await benchOutbox()) console.log(line);
});
