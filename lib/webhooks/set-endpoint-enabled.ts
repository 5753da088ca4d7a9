import { z } from "zod";
import { updateEndpointRow } from "@/db/queries/webhooks";
import type { WebhookEndpoint } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { endpointIdSchema } from "./schemas";

export const setEndpointEnabledSchema = z.object({
  endpointId: endpointIdSchema,
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetEndpointEnabledInput = z.infer<typeof setEndpointEnabledSchema>;

/**
 * Turns an endpoint on or off. Off, it gets no new deliveries and pending retries stop; on again, its failing
 * streak starts over. Audited.
 */
export async function setEndpointEnabled(tx: Tx, ctx: TenantContext, input: SetEndpointEnabledInput): Promise<WebhookEndpoint> {
  const endpoint = await updateEndpointRow(
    tx,
    input.endpointId,
    input.enabled ? { enabled: true, disabledReason: null, failingSince: null } : { enabled: false, disabledReason: "manual" },
  );
  if (!endpoint) throw new AppError("not_found", "That endpoint doesn't exist (it may have been deleted).");
  await recordAudit(tx, ctx.orgId, {
    action: input.enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled",
    actorId: ctx.userId,
    target: { type: "webhook_endpoint", id: endpoint.id },
    metadata: { url: endpoint.url },
  });
  return endpoint;
}
