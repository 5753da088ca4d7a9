import { flushUsage } from "@/lib/usage/flush-usage";
import { inngest } from "../client";

/** Every five minutes, copies the API request counters from Redis into `usage_daily` (what the settings chart shows). */
export const flushUsageJob = inngest.createFunction(
  // One flush at a time; each writes absolute day totals, so an overlap would be harmless anyway.
  { id: "flush-usage", triggers: [{ cron: "*/5 * * * *" }], retries: 2, concurrency: { limit: 1 } },
  async ({ step }) => step.run("flush", () => flushUsage()),
);
