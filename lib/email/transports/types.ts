/** The ways an email can leave the app. */
export type EmailTransportName = "resend" | "smtp" | "dev-mailbox";

/** A rendered email with its envelope, as every transport receives it. */
export type OutgoingEmail = {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  template: string;
  requestId?: string;
  /** Same key, same email: lets a retried job step ask the provider not to send twice (Resend honours it). */
  idempotencyKey?: string;
};

/** Sends one email; throws `EmailDeliveryError` when the message was not accepted. */
export type EmailTransport = {
  name: EmailTransportName;
  send(email: OutgoingEmail): Promise<{ id: string }>;
};

/**
 * A send that failed, with a one-line message safe to log and to show in the job's history (no recipient, no
 * provider response body). `permanent` means retrying the same email cannot succeed (a rejected recipient, bad props).
 */
export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";

  constructor(
    message: string,
    readonly transport: EmailTransportName | "input",
    readonly code: string,
    readonly permanent: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
