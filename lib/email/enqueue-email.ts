import { withSystem, type Tx } from "@/db/tenant";
import { emailSendRequested } from "@/jobs/events";
import { enqueue, withOutbox } from "@/lib/outbox";
import type { SendEmailInput } from "./render";

/** Who an email is sent on behalf of: the organization (if any) and the user who acted (if any). */
export type EmailOrigin = { orgId: string | null; actorId: string | null };

/**
 * Queues an email through the outbox: it is sent by the send-email job once `tx` commits. Without a transaction
 * (an account-level email outside any organization) the system writes it in one of its own and hands it to
 * Inngest right away, so a sign-in link doesn't wait for the relay.
 */
export function enqueueEmail(email: SendEmailInput, origin: EmailOrigin, tx?: Tx): Promise<string> {
  const write = (t: Tx) => enqueue(t, emailSendRequested, { ...origin, email });
  return tx ? write(tx) : withOutbox(() => withSystem("email outside an organization", write));
}
