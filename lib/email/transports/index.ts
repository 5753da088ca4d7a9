import { env } from "@/lib/env";
import { chooseEmailTransport } from "../config";
import { createDevMailboxTransport } from "./dev-mailbox";
import { createResendTransport } from "./resend";
import { createSmtpTransport } from "./smtp";
import type { EmailTransport } from "./types";

export { EmailDeliveryError, type EmailTransport, type EmailTransportName, type OutgoingEmail } from "./types";

// One client per configuration per process (the SMTP transporter and the Resend client are reusable), rebuilt
// when the environment changes, which in practice only tests do.
let cached: { key: string; transport: EmailTransport } | undefined;

/** The transport this environment sends through (see `chooseEmailTransport` for the rules). */
export function getEmailTransport(): EmailTransport {
  const choice = chooseEmailTransport(env());
  const key = choice.name === "resend" ? `resend:${choice.apiKey}` : choice.name === "smtp" ? `smtp:${choice.url}` : choice.name;
  if (cached?.key !== key) {
    const transport =
      choice.name === "resend"
        ? createResendTransport(choice.apiKey)
        : choice.name === "smtp"
          ? createSmtpTransport(choice.url)
          : createDevMailboxTransport();
    cached = { key, transport };
  }
  return cached.transport;
}
