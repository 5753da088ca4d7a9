import { createTransport } from "nodemailer";
import { EmailDeliveryError, type EmailTransport } from "./types";

// nodemailer waits up to two minutes to connect and ten minutes on a silent socket; a job step should fail fast
// and let the retry schedule do the waiting. Values already in SMTP_URL's query string win.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function withTimeouts(url: string): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(timeouts)) {
    if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, String(value));
  }
  return parsed.toString();
}

type SmtpFailure = { code?: string; responseCode?: number };

/** Sends through any SMTP server, configured by one URL: `smtp://user:pass@host:587` or `smtps://…:465`. */
export function createSmtpTransport(url: string): EmailTransport {
  const transporter = createTransport(withTimeouts(url));
  return {
    name: "smtp",
    async send(email) {
      try {
        const info = await transporter.sendMail({
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: { "X-Keel-Template": email.template },
        });
        return { id: info.messageId };
      } catch (err) {
        // Only nodemailer's code and the SMTP status: the server's reply text often quotes the recipient.
        const { code = "ESMTP", responseCode } = (err ?? {}) as SmtpFailure;
        const permanent = typeof responseCode === "number" && responseCode >= 500 && code !== "EAUTH";
        throw new EmailDeliveryError(
          `email: smtp failed: ${code}${responseCode ? ` (${responseCode})` : ""}`,
          "smtp",
          code,
          permanent,
        );
      }
    },
  };
}
