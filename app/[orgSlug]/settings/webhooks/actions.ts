"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { checkEndpointUrl } from "@/lib/webhooks/check-endpoint-url";
import { createEndpoint } from "@/lib/webhooks/create-endpoint";
import { deleteEndpoint, deleteEndpointSchema } from "@/lib/webhooks/delete-endpoint";
import { replayDelivery, replayDeliverySchema } from "@/lib/webhooks/replay-delivery";
import { rotateSecret, rotateSecretSchema } from "@/lib/webhooks/rotate-secret";
import { endpointFieldsSchema } from "@/lib/webhooks/schemas";
import { sendTestEvent, sendTestEventSchema } from "@/lib/webhooks/send-test-event";
import { setEndpointEnabled, setEndpointEnabledSchema } from "@/lib/webhooks/set-endpoint-enabled";
import { updateEndpoint, updateEndpointSchema } from "@/lib/webhooks/update-endpoint";

const inOrg = { orgSlug: z.string() };

/** The webhooks pages show the change on the next render. */
const refresh = (slug: string) => revalidatePath(`/${slug}/settings/webhooks`, "layout");

// The URL's DNS lookup happens in `prepare`, before the transaction: a slow resolver never holds a connection.
// The secret is in the result this once: the form shows it, and no page ever shows it again.
export const createEndpointAction = action(
  { schema: endpointFieldsSchema.extend(inOrg), permission: "webhooks:manage", prepare: ({ input }) => checkEndpointUrl(input.url) },
  async ({ input, org, tx, prepared }) => {
    const { endpoint, secret } = await createEndpoint(tx, org, input, prepared);
    refresh(org.slug);
    return { endpointId: endpoint.id, secret };
  },
);

export const updateEndpointAction = action(
  { schema: updateEndpointSchema.extend(inOrg), permission: "webhooks:manage", successMessage: "Endpoint saved.", prepare: ({ input }) => checkEndpointUrl(input.url) },
  async ({ input, org, tx, prepared }) => {
    await updateEndpoint(tx, org, input, prepared);
    refresh(org.slug);
    return null;
  },
);

export const setEndpointEnabledAction = action(
  { schema: setEndpointEnabledSchema.extend(inOrg), permission: "webhooks:manage" },
  async ({ input, org, tx }) => {
    const endpoint = await setEndpointEnabled(tx, org, input);
    refresh(org.slug);
    return { enabled: endpoint.enabled };
  },
);

export const deleteEndpointAction = action(
  { schema: deleteEndpointSchema.extend(inOrg), permission: "webhooks:manage", redirectTo: (r: { next: string }) => r.next },
  async ({ input, org, tx }) => {
    await deleteEndpoint(tx, org, input);
    refresh(org.slug);
    return { next: `/${org.slug}/settings/webhooks` };
  },
);

export const rotateSecretAction = action(
  { schema: rotateSecretSchema.extend(inOrg), permission: "webhooks:manage" },
  async ({ input, org, tx }) => {
    const { secret, previousExpiresAt } = await rotateSecret(tx, org, input);
    refresh(org.slug);
    return { secret, previousExpiresAt: previousExpiresAt.toISOString() };
  },
);

export const sendTestEventAction = action(
  { schema: sendTestEventSchema.extend(inOrg), permission: "webhooks:manage", successMessage: "Test event sent. It shows in the log below." },
  async ({ input, org, tx }) => {
    await sendTestEvent(tx, org, input);
    refresh(org.slug);
    return null;
  },
);

export const replayDeliveryAction = action(
  { schema: replayDeliverySchema.extend(inOrg), permission: "webhooks:manage", successMessage: "Replaying: the same message goes out again." },
  async ({ input, org, tx }) => {
    await replayDelivery(tx, org, input);
    refresh(org.slug);
    return null;
  },
);
