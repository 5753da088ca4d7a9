import { eventType } from "inngest";
import { z } from "zod";
import { sendEmailSchema } from "@/lib/email/render";

// What every event carries: the organization (where there is one), who acted, and the request that caused it.
const envelope = {
  orgId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  requestId: z.string().min(1),
};

/** Fields every event's data has; `enqueue` fills `requestId` from the current request. */
export type EventEnvelope = { orgId: string | null; actorId: string | null; requestId: string };

/** An email to render and send through the configured transport. */
export const emailSendRequested = eventType("email/send.requested", {
  schema: z.object({ ...envelope, email: sendEmailSchema }),
});
