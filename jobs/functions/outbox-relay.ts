import { relayOutbox } from "@/lib/outbox";
import { inngest } from "../client";

/** Each minute, sends outbox events that were committed but never accepted by Inngest (it was down, or slow). */
export const outboxRelay = inngest.createFunction(
  // One relay at a time: two would only race to send the same rows (harmless, but wasted).
  { id: "outbox-relay", triggers: [{ cron: "* * * * *" }], retries: 0, concurrency: { limit: 1 } },
  async ({ step }) => step.run("relay", () => relayOutbox()),
);
