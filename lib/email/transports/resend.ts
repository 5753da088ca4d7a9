import { Resend } from "resend";
import { EmailDeliveryError, type EmailTransport } from "./types";

/** Resend's reason, trimmed to one short line: its messages are written for developers and name no recipient. */
function shortReason(message: string | undefined): string {
  const line = (message ?? "").split("\n")[0]!.trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

/** Sends through Resend's HTTP API. `baseUrl` defaults to the SDK's (RESEND_BASE_URL, then Resend itself). */
export function createResendTransport(apiKey: string, options: { baseUrl?: string } = {}): EmailTransport {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          tags: [{ name: "template", value: email.template }],
        },
        email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
      );
      if (error || !data) {
        const status = error?.statusCode ?? null;
        const code = error?.name ?? "application_error";
        // 4xx means Resend refused this message as sent; rate limits and idempotency races clear up on retry.
        const permanent = status !== null && status >= 400 && status < 500 && status !== 429 && status !== 409;
        const reason = shortReason(error?.message);
        throw new EmailDeliveryError(
          `email: resend failed: ${code}${status ? ` (${status})` : ""}${reason ? `: ${reason}` : ""}`,
          "resend",
          code,
          permanent,
        );
      }
      return { id: data.id };
    },
  };
}
