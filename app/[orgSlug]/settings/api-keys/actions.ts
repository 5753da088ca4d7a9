"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { createApiKey, createApiKeySchema } from "@/lib/api-keys/create-api-key";
import { revokeApiKey, revokeApiKeySchema } from "@/lib/api-keys/revoke-api-key";

const inOrg = { orgSlug: z.string() };

// The key's secret is in the result this once: the form shows it, and nothing ever shows it again.
export const createApiKeyAction = action({ schema: createApiKeySchema.extend(inOrg), permission: "api_keys:manage" }, async ({ input, org, tx }) => {
  const { key, secret } = await createApiKey(tx, org, input);
  revalidatePath(`/${org.slug}/settings/api-keys`);
  return { keyId: key.id, secret };
});

export const revokeApiKeyAction = action(
  { schema: revokeApiKeySchema.extend(inOrg), permission: "api_keys:manage", successMessage: "Key revoked: requests with it are refused from now on." },
  async ({ input, org, tx }) => {
    await revokeApiKey(tx, org, input);
    revalidatePath(`/${org.slug}/settings/api-keys`);
    return null;
  },
);
