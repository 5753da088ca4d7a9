import { z } from "zod";
import { rotateEndpointSecret } from "@/db/queries/webhooks";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { SECRET_OVERLAP_MS } from "./config";
import { endpointIdSchema } from "./schemas";
import { newSigningSecret } from "./signing";

export const rotateSecretSchema = z.object({ endpointId: endpointIdSchema });
export type RotateSecretInput = z.infer<typeof rotateSecretSchema>;

/**
 * Gives an endpoint a new signing secret (returned, shown once). The old one keeps signing alongside it for
 * 24 hours, so the receiver can switch without dropping a message. Rotating again within those hours retires
 * the oldest secret at once: there are never more than two. Audited.
 */
export async function rotateSecret(tx: Tx, ctx: TenantContext, input: RotateSecretInput, now = new Date()): Promise<{ secret: string; previousExpiresAt: Date }> {
  const secret = newSigningSecret();
  const previousExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
  const endpoint = await rotateEndpointSecret(tx, input.endpointId, secret, previousExpiresAt);
  if (!endpoint) throw new AppError("not_found", "That endpoint doesn't exist (it may have been deleted).");
  await recordAudit(tx, ctx.orgId, {
    action: "webhook_endpoint.secret_rotated",
    actorId: ctx.userId,
    target: { type: "webhook_endpoint", id: endpoint.id },
    metadata: { url: endpoint.url, previousSecretExpiresAt: previousExpiresAt.toISOString() },
  });
  return { secret, previousExpiresAt };
}
