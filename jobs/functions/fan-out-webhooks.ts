import { withTenant } from "@/db/tenant";
import { entitlementsOf } from "@/lib/billing/entitlements";
import { asOrg } from "@/lib/webhooks/as-org";
import { webhookSources } from "@/lib/webhooks/event-catalog";
import { fanOutEvent } from "@/lib/webhooks/fan-out-event";
import { withOutbox } from "@/lib/outbox";
import { inngest } from "../client";

const [first, ...rest] = webhookSources.map((s) => s.event);

/**
 * For each internal event that has a public webhook (lib/webhooks/event-catalog.ts), creates one delivery per
 * subscribed endpoint and requests it, through the outbox, in one transaction: a retry creates nothing twice.
 */
export const fanOutWebhooks = inngest.createFunction(
  {
    id: "fan-out-webhooks",
    triggers: [first!, ...rest],
    retries: 5,
    // A burst of one organization's events (an import, a bulk edit) fans out a few at a time, not all at once.
    concurrency: [{ key: "event.data.orgId", limit: 5 }],
  },
  async ({ event, step }) => {
    const data = event.data as Record<string, unknown> & { orgId: string; actorId: string | null };
    const created = await step.run("create-deliveries", async () => {
      // Outgoing webhooks are a paid feature: on a plan without them (Free, or a lapsed plan) nothing is delivered;
      // the endpoints stay, and deliver again once the organization upgrades. Read through the cache, before the transaction.
      if ((await entitlementsOf(data.orgId)).limits.webhookEndpoints === 0) return 0;
      return withOutbox(() => withTenant(asOrg(data.orgId), (tx) => fanOutEvent(tx, { id: event.id!, name: event.name, data, at: new Date(event.ts ?? Date.now()) })));
    });
    return { deliveries: created };
  },
);
