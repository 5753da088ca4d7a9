import { billingEnabled, requireStripe } from "@/lib/billing/stripe";
import { syncSeats as syncSeatsOf } from "@/lib/billing/sync-seats";
import { inngest } from "../client";
import { memberChanged } from "../events";

/**
 * Someone joined or left: a per-seat subscription's quantity follows the member count. One run per organization at
 * a time, each reading the count as it is then, so a burst of joins coalesces into one update (later runs find the
 * quantity already right); the dev executor has no `debounce`, which is why it is not used here.
 */
export const syncSeats = inngest.createFunction(
  {
    id: "sync-seats",
    triggers: [{ event: memberChanged, if: "event.data.change != 'role_changed'" }],
    retries: 5,
    concurrency: [{ key: "event.data.orgId", limit: 1 }],
  },
  async ({ event, step }) => {
    if (!billingEnabled()) return { quantity: null };
    const quantity = await step.run("update-quantity", () => syncSeatsOf(requireStripe(), event.data.orgId));
    return { quantity };
  },
);
