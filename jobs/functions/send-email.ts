import { NonRetriableError } from "inngest";
import { deliverEmail } from "@/lib/email/deliver";
import { EmailDeliveryError } from "@/lib/email/transports";
import { inngest } from "../client";
import { emailSendRequested } from "../events";

/** Renders and sends one email. Every email Keel sends goes through here, so a slow transport never slows a request. */
export const sendEmail = inngest.createFunction(
  { id: "send-email", triggers: [emailSendRequested], retries: 5 },
  async ({ event, step }) => {
    return step.run("deliver", async () => {
      try {
        // The event id as idempotency key: a retried step cannot make the provider send the same email twice.
        return await deliverEmail({ ...event.data.email, requestId: event.data.requestId, idempotencyKey: event.id });
      } catch (err) {
        // A rejected address or an unrenderable template fails the same way on every attempt.
        if (err instanceof EmailDeliveryError && err.permanent) throw new NonRetriableError(err.message, { cause: err });
        throw err;
      }
    });
  },
);
