import { z } from "zod";
import { revokeApiKeyRow } from "@/db/queries/api-keys";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { afterCommit } from "@/lib/outbox";
import { forgetApiKey } from "./resolve-api-key";

export const revokeApiKeySchema = z.object({ keyId: z.uuid("Not an API key id.") });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeySchema>;

/**
 * Revokes a key of the caller's organization; audited. Its cache entry is deleted once the revocation committed,
 * so the very next request with it is refused, however warm the cache was.
 */
export async function revokeApiKey(tx: Tx, ctx: TenantContext, input: RevokeApiKeyInput): Promise<void> {
  const key = await revokeApiKeyRow(tx, input.keyId);
  if (!key) throw new AppError("not_found", "That key doesn't exist or is already revoked.");
  await recordAudit(tx, ctx.orgId, { action: "api_key.revoked", actorId: ctx.userId, target: { type: "api_key", id: key.id }, metadata: { name: key.name, prefix: key.prefix } });
  afterCommit(() => forgetApiKey(key.keyHash));
}
