import { z } from "zod";
import { webhookEventTypeNames } from "./event-catalog";
import { text } from "@/lib/validation";

/** An endpoint id; anything that is not a uuid names no endpoint. */
export const endpointIdSchema = z.uuid("Not a webhook endpoint.");

/** A delivery id. */
export const deliveryIdSchema = z.uuid("Not a webhook delivery.");

// A form sends one checkbox value as a string and several as an array.
const eventTypesSchema = z.preprocess(
  (v) => (v === undefined ? [] : [v].flat()),
  z.array(z.enum(webhookEventTypeNames, "Unknown event type.")).min(1, "Choose at least one event."),
);

/** What a person sets on an endpoint. The URL's safety is checked by the operation (it needs DNS). */
export const endpointFieldsSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL to send events to.").max(2_000, "At most 2,000 characters."),
  description: text().trim().max(200, "At most 200 characters.").default(""),
  eventTypes: eventTypesSchema.transform((types) => [...new Set(types)]),
});
export type EndpointFields = z.infer<typeof endpointFieldsSchema>;
