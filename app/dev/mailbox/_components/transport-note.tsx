import { Info, TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { emailTransportName } from "@/lib/email/config";
import { env } from "@/lib/env";

const names = { resend: "Resend", smtp: "SMTP" } as const;

/** Says when new emails are not coming here (a real transport is configured) or can't be sent at all. */
export function TransportNote() {
  let transport: ReturnType<typeof emailTransportName>;
  try {
    transport = emailTransportName(env());
  } catch (err) {
    // The configuration error is the developer's own environment, and its message names no secret.
    return (
      <Alert variant="destructive">
        <TriangleAlert aria-hidden="true" />
        <AlertTitle>Emails can&apos;t be sent</AlertTitle>
        <AlertDescription>{err instanceof Error ? err.message : "The email configuration is invalid."}</AlertDescription>
      </Alert>
    );
  }
  if (transport === "dev-mailbox") return null;
  return (
    <Alert>
      <Info aria-hidden="true" />
      <AlertTitle>New emails go through {names[transport]}</AlertTitle>
      <AlertDescription>
        This environment has a real transport configured, so only emails stored earlier are listed here.
      </AlertDescription>
    </Alert>
  );
}
