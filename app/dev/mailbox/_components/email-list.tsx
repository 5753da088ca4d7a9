import Link from "next/link";
import type { DevEmailSummary } from "@/lib/dev/mailbox";
import { formatDateTime, formatRelativeTime } from "./format-time";
import { TemplateBadge } from "./template-badge";

/** The mailbox's rows, newest first; each row opens the email. */
export function EmailList({ emails, now }: { emails: DevEmailSummary[]; now: Date }) {
  return (
    <ul role="list" className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs">
      {emails.map((email) => (
        <li key={email.id}>
          <Link
            href={`/dev/mailbox/${email.id}`}
            className="flex items-start gap-3 px-4 py-3.5 transition-colors outline-none hover:bg-accent/60 focus-visible:bg-accent/60 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset sm:px-5"
          >
            <span
              aria-hidden="true"
              className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary uppercase"
            >
              {email.to.charAt(0)}
            </span>
            <span className="grid min-w-0 flex-1 grid-cols-1 gap-1">
              <span className="flex items-baseline gap-3">
                <span className="truncate text-sm font-medium">{email.to}</span>
                <time
                  dateTime={email.createdAt.toISOString()}
                  title={formatDateTime(email.createdAt)}
                  className="ml-auto shrink-0 text-xs text-muted-foreground tabular-nums"
                >
                  {formatRelativeTime(email.createdAt, now)}
                </time>
              </span>
              <span className="flex flex-col gap-1.5 sm:flex-row sm:items-center sm:gap-3">
                <span className="truncate text-sm text-muted-foreground">{email.subject}</span>
                <TemplateBadge template={email.template} className="sm:ml-auto" />
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
