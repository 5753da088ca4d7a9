import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { emailFrom } from "./config";
import { maskEmail } from "./mask-email";
import { renderEmail, sendEmailSchema, type SendEmailInput } from "./render";
import { EmailDeliveryError, getEmailTransport, type EmailTransportName } from "./transports";

/** One email to deliver, plus what ties it to the request that caused it. */
export type DeliverEmailInput = SendEmailInput & {
  requestId?: string;
  /** Pass the job's event id: a retried step then can't make Resend send the same email twice. */
  idempotencyKey?: string;
};

/** Where a delivered email went: the provider's message id (the dev mailbox's row id) and the transport. */
export type DeliveredEmail = { id: string; transport: EmailTransportName };


// A stable pseudonym: the log lines of one recipient can be joined up without storing the address.
function hashEmail(address: string): string {
  return createHash("sha256").update(address.trim().toLowerCase()).digest("hex").slice(0, 16);
}

/**
 * Validates, renders and sends one email through the configured transport. Throws `EmailDeliveryError` with a
 * one-line message (`permanent` when a retry can't help); the send-email job is what retries.
 */
export async function deliverEmail(input: DeliverEmailInput): Promise<DeliveredEmail> {
  const parsed = sendEmailSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new EmailDeliveryError(
      `email: invalid ${String(input.template)} email: ${where}${issue?.message ?? "invalid input"}`,
      "input",
      "invalid_input",
      true,
    );
  }
  const { to, template, props } = parsed.data;
  const { subject, html, text } = await renderEmail(template, props);
  const transport = getEmailTransport();
  const fields = {
    template,
    transport: transport.name,
    recipient: maskEmail(to),
    recipientHash: hashEmail(to),
    requestId: input.requestId,
  };
  const started = performance.now();
  try {
    const { id } = await transport.send({
      to,
      from: emailFrom(env()),
      subject,
      html,
      text,
      template,
      requestId: input.requestId,
      idempotencyKey: input.idempotencyKey,
    });
    log.info({ ...fields, messageId: id, durationMs: Math.round(performance.now() - started) }, "email sent");
    return { id, transport: transport.name };
  } catch (err) {
    // Anything a transport throws unexpectedly (a database error in the dev mailbox) gets the same short shape.
    const error =
      err instanceof EmailDeliveryError
        ? err
        : new EmailDeliveryError(`email: ${transport.name} failed`, transport.name, "unexpected", false, { cause: err });
    log.warn({ ...fields, code: error.code, permanent: error.permanent, err: error.message }, "email not sent");
    throw error;
  }
}
