import { Search, X } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Filters the list by recipient with a plain GET form: works without JavaScript and leaves a shareable URL. */
export function MailboxFilter({ to }: { to: string }) {
  return (
    <form method="get" action="/dev/mailbox" role="search" aria-label="Filter emails" className="flex w-full gap-2 sm:max-w-md">
      <label htmlFor="mailbox-to" className="sr-only">
        Recipient
      </label>
      <div className="relative flex-1">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          id="mailbox-to"
          name="to"
          type="search"
          defaultValue={to}
          placeholder="Filter by recipient"
          autoComplete="off"
          spellCheck={false}
          className="pl-9"
        />
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {to ? (
        <Button asChild variant="ghost" size="icon" title="Clear the filter">
          <Link href="/dev/mailbox">
            <X aria-hidden="true" />
            <span className="sr-only">Clear the filter</span>
          </Link>
        </Button>
      ) : null}
    </form>
  );
}
