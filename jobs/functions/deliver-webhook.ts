import { ENDPOINT_CONCURRENCY, RETRY_SCHEDULE_MS } from "@/lib/webhooks/config";
import { attemptDelivery } from "@/lib/webhooks/attempt-delivery";
import { inngest } from "../client";
import { webhookDeliveryRequested } from "../events";

/**
 * Delivers one webhook: an attempt at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h until one
 * succeeds, each attempt its own step and logged. A receiver's failure is not the job's failure: it only
 * schedules the next attempt. The job's own retries are for Keel's side (the database) failing mid-attempt.
 */
export const deliverWebhook = inngest.createFunction(
  {
    id: "deliver-webhook",
    triggers: [webhookDeliveryRequested],
    retries: 4,
    // Limits requests in flight per endpoint (a sleeping retry holds no slot): a slow or hanging receiver
    // delays only its own deliveries, never another organization's.
    concurrency: [{ key: "event.data.endpointId", limit: ENDPOINT_CONCURRENCY }],
  },
  async ({ event, step }) => {
    const { orgId, deliveryId, generation } = event.data;
    for (let attempt = 1; ; attempt++) {
      const result = await step.run(`attempt-${attempt}`, () => attemptDelivery({ orgId, deliveryId, generation, attempt }));
      if (result.done || attempt >= RETRY_SCHEDULE_MS.length) return result;
      await step.sleep(`wait-for-attempt-${attempt + 1}`, result.retryInMs);
    }
  },
);
