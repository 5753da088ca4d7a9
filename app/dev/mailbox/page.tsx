import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { devMailboxOpen } from "@/lib/dev/dev-tools";
import { listDevEmails } from "@/lib/dev/mailbox";
import { EmailList } from "./_components/email-list";
import { EmptyMailbox } from "./_components/empty-mailbox";
import { MailboxFilter } from "./_components/mailbox-filter";
import { TransportNote } from "./_components/transport-note";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mailbox" };

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function pageHref(to: string, page: number): string {
  const params = new URLSearchParams();
  if (to) params.set("to", to);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/dev/mailbox?${query}` : "/dev/mailbox";
}

// GET /dev/mailbox - every email stored by the dev mailbox, newest first, filterable by recipient.
export default async function MailboxPage({ searchParams }: { searchParams: SearchParams }) {
  if (!devMailboxOpen()) notFound();
  const params = await searchParams;
  const to = single(params.to).slice(0, 254);
  const page = Math.max(Number.parseInt(single(params.page), 10) || 1, 1);
  const { emails, hasMore } = await listDevEmails({ to, page, pageSize: PAGE_SIZE });
  const now = new Date();

  return (
    <div className="grid gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Mailbox</h1>
          <p className="mt-1 text-sm text-pretty text-muted-foreground">
            Emails the app sent in this environment, stored instead of delivered.
          </p>
        </div>
        <MailboxFilter to={to} />
      </div>
      <TransportNote />
      {emails.length === 0 ? (
        <EmptyMailbox to={to} page={page} />
      ) : (
        <>
          <EmailList emails={emails} now={now} />
          {page > 1 || hasMore ? (
            <nav aria-label="Pages" className="flex items-center justify-between gap-3">
              {/* Empty spans keep "Page n" centred when one direction has nowhere to go. */}
              {page > 1 ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={pageHref(to, page - 1)}>
                    <ChevronLeft aria-hidden="true" />
                    Newer
                  </Link>
                </Button>
              ) : (
                <span className="w-[5.5rem]" />
              )}
              <p className="text-sm text-muted-foreground">Page {page}</p>
              {hasMore ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={pageHref(to, page + 1)}>
                    Older
                    <ChevronRight aria-hidden="true" />
                  </Link>
                </Button>
              ) : (
                <span className="w-[5.5rem]" />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
