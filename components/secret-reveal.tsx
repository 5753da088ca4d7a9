import { KeyRound } from "lucide-react";
import { CopyButton } from "@/components/marketing/copy-command";

/** A secret (a webhook signing secret, an API key) shown the one time it exists in the clear, with a copy button. */
export function SecretReveal({
  secret,
  note,
  title = "Signing secret",
  copyLabel = "Copy signing secret",
  testId = "signing-secret",
}: {
  secret: string;
  note: string;
  title?: string;
  copyLabel?: string;
  testId?: string;
}) {
  return (
    <div className="grid gap-3 rounded-lg border border-success/40 bg-success/5 p-4">
      <p className="flex items-center gap-2 text-sm font-medium">
        <KeyRound className="size-4 text-success" aria-hidden />
        {title}
      </p>
      <div className="flex items-center gap-2 rounded-md border bg-background py-1 pr-1 pl-3">
        <code className="min-w-0 flex-1 truncate font-mono text-xs sm:text-sm" data-testid={testId}>
          {secret}
        </code>
        <CopyButton text={secret} label={copyLabel} />
      </div>
      <p className="text-sm text-muted-foreground">{note}</p>
    </div>
  );
}
