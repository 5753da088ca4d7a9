// The app side of `npm run bench:billing`, in its own process as under `next start`: the real Stripe webhook route
// and the real /api/inngest route, each on a node:http server. Prints one JSON line with their URLs once listening.
// The benchmark's client, the Stripe fake and the dev executor stay in the parent, so their CPU is not charged to
// the route (on this 2-core machine they used to take more of the one process than the route itself).
import { snapshotProcessEnv } from "@/lib/env";
import { runCli } from "../cli";
import { serveRouteHandlers } from "@/test/serve-route-handlers";

// Ends cleanly when the parent is done (so `--cpu-prof` can write its profile).
process.on("SIGTERM", () => process.exit(0));

await runCli("bench:billing app", async () => {
  // As lib/server-start.ts does under `next start`.
  snapshotProcessEnv();
  const webhook = await serveRouteHandlers(await import("@/app/api/webhooks/stripe/route"));
  const app = await serveRouteHandlers(await import("@/app/api/inngest/route"));
  console.log(JSON.stringify({ webhookUrl: webhook.url, appUrl: app.url }));
  // Serves until the parent ends it.
  await new Promise(() => {});
});
