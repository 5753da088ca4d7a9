import { Inbox, SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

function Code({ children }: { children: string }) {
  return <code className="rounded bg-muted px-1 py-0.5 font-mono text-[0.8125rem] whitespace-nowrap text-foreground">{children}</code>;
}

/** What the mailbox says when there is nothing to list, and how emails get here. */
export function EmptyMailbox({ to, page }: { to: string; page: number }) {
  const filtered = to !== "" || page > 1;
  const Icon = filtered ? SearchX : Inbox;
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-14 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-muted">
        <Icon aria-hidden="true" className="size-6 text-muted-foreground" />
      </span>
      {filtered ? (
        <>
          <h2 className="mt-4 font-semibold">{to ? <>No emails to &ldquo;{to}&rdquo;</> : "No emails on this page"}</h2>
          <p className="mt-2 max-w-md text-sm text-pretty text-muted-foreground">
            Check the address, or look through everything the app has sent.
          </p>
          <Button asChild variant="outline" className="mt-6">
            <Link href="/dev/mailbox">Show all emails</Link>
          </Button>
        </>
      ) : (
        <>
          <h2 className="mt-4 font-semibold">No emails yet</h2>
          <p className="mt-2 max-w-lg text-sm leading-relaxed text-pretty text-muted-foreground">
            While neither <Code>RESEND_API_KEY</Code>{" "}
            nor <Code>SMTP_URL</Code> is set,
            every email the app sends lands here instead of in an inbox, and its links are printed in the terminal
            running <Code>npm run dev</Code>.
          </p>
          <p className="mt-2 max-w-lg text-sm text-pretty text-muted-foreground">
            Sign up, ask for a sign-in link or invite a teammate, then come back.
          </p>
        </>
      )}
    </div>
  );
}
