import { z } from "zod";
import { insertApiKey } from "@/db/queries/api-keys";
import type { ApiKey } from "@/db/schema";
import type { TenantContext, Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { newApiKey } from "./key-format";
import { scopesSchema } from "./scopes";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date.").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Pick a date.");

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(80, "At most 80 characters."),
  scopes: scopesSchema,
  // A date (the key stops working at the end of that UTC day); empty for a key that never expires.
  expiresOn: z.preprocess((v) => (v === "" ? undefined : v), day.optional()),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** Creates an API key for the caller's organization; returns it with its secret, which is shown this once. Audited. */
export async function createApiKey(tx: Tx, ctx: TenantContext, input: CreateApiKeyInput, now = new Date()): Promise<{ key: ApiKey; secret: string }> {
  const expiresAt = input.expiresOn ? new Date(Date.parse(`${input.expiresOn}T00:00:00Z`) + 86_400_000) : null;
  if (expiresAt && expiresAt <= now) throw new AppError("validation_error", "Check the highlighted field.", { fields: { expiresOn: ["Pick a date in the future."] } });
  const { secret, hash, prefix } = newApiKey();
  const key = await insertApiKey(tx, { orgId: ctx.orgId, name: input.name, prefix, keyHash: hash, scopes: input.scopes, createdBy: ctx.userId, expiresAt });
  await recordAudit(tx, ctx.orgId, {
    action: "api_key.created",
    actorId: ctx.userId,
    target: { type: "api_key", id: key.id },
    metadata: { name: key.name, prefix, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { key, secret };
}
