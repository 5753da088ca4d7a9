import { insertEndpoint } from "@/db/queries/webhooks";
import type { WebhookEndpoint } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWithinLimit } from "@/lib/billing/limits";
import { checkedUrl, type UrlCheck } from "./check-endpoint-url";
import type { EndpointFields } from "./schemas";
import { newSigningSecret } from "./signing";

/**
 * Adds a webhook endpoint at the URL `check` (from `checkEndpointUrl`, before the transaction) approved; returns it
 * with its signing secret, which is shown this once. Audited.
 */
export async function createEndpoint(tx: Tx, ctx: TenantContext, input: EndpointFields, check: UrlCheck): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = checkedUrl(check);
  // Race-free against the plan (the organization's row is locked until commit): Free has no webhooks.
  await assertWithinLimit(tx, ctx.orgId, "webhookEndpoints");
  const secret = newSigningSecret();
  const endpoint = await insertEndpoint(tx, { orgId: ctx.orgId, url, description: input.description, eventTypes: input.eventTypes, secret, createdBy: ctx.userId });
  await recordAudit(tx, ctx.orgId, {
    action: "webhook_endpoint.created",
    actorId: ctx.userId,
    target: { type: "webhook_endpoint", id: endpoint.id },
    metadata: { url, eventTypes: input.eventTypes },
  });
  return { endpoint, secret };
}
