import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, ExternalLink } from "lucide-react";
import type { ReactNode } from "react";
import { devMailboxOpen } from "@/lib/dev/dev-tools";
import { getDevEmail } from "@/lib/dev/mailbox";
import { EmailBody } from "../_components/email-body";
import { formatDateTime, formatRelativeTime } from "../_components/format-time";
import { TemplateBadge } from "../_components/template-badge";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

/** The stored HTML with `<base target="_blank">`, so a clicked link opens a new tab instead of navigating the frame. */
function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!devMailboxOpen()) return {};
  const email = await getDevEmail((await params).id);
  return { title: email ? email.subject : "Email not found" };
}

// GET /dev/mailbox/:id - one stored email: headers, links, and its body as HTML or plain text.
export default async function MailboxEmailPage({ params }: { params: Params }) {
  if (!devMailboxOpen()) notFound();
  const email = await getDevEmail((await params).id);
  if (!email) notFound();

  const headers: { label: string; value: ReactNode }[] = [
    { label: "From", value: email.from },
    { label: "To", value: email.to },
    {
      label: "Sent",
      value: (
        <time dateTime={email.createdAt.toISOString()}>
          {formatDateTime(email.createdAt)}{" "}
          <span className="text-muted-foreground">({formatRelativeTime(email.createdAt)})</span>
        </time>
      ),
    },
    { label: "Template", value: <TemplateBadge template={email.template} /> },
    {
      label: "Request id",
      value: email.requestId ? (
        <span className="font-mono text-xs">{email.requestId}</span>
      ) : (
        <span className="text-muted-foreground">none</span>
      ),
    },
    { label: "Message id", value: <span className="font-mono text-xs">{email.id}</span> },
  ];

  return (
    <div className="grid gap-6">
      <div>
        <Link
          href="/dev/mailbox"
          className="inline-flex items-center gap-1.5 rounded-sm text-sm text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          All emails
        </Link>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight text-balance break-words">{email.subject}</h1>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        <div className="grid gap-6">
          <section aria-labelledby="headers-heading" className="rounded-xl border bg-card p-5 shadow-xs">
            <h2 id="headers-heading" className="text-sm font-semibold">
              Headers
            </h2>
            <dl className="mt-4 grid gap-3 text-sm">
              {headers.map(({ label, value }) => (
                <div key={label} className="grid grid-cols-[5.5rem_minmax(0,1fr)] items-baseline gap-3">
                  <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
                  <dd className="min-w-0 break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="links-heading" className="rounded-xl border bg-card p-5 shadow-xs">
            <h2 id="links-heading" className="text-sm font-semibold">
              Links <span className="font-normal text-muted-foreground">({email.links.length})</span>
            </h2>
            {email.links.length ? (
              <ul role="list" className="mt-3 grid gap-2">
                {email.links.map((link) => (
                  <li key={link}>
                    <a
                      href={link}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="group flex items-start gap-2 rounded-md border bg-background px-3 py-2 font-mono text-xs break-all text-primary transition-colors outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <span className="min-w-0 flex-1">{link}</span>
                      <ExternalLink aria-hidden="true" className="mt-px size-3.5 shrink-0 text-muted-foreground group-hover:text-foreground" />
                      <span className="sr-only">(opens in a new tab)</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-muted-foreground">This email has no links.</p>
            )}
          </section>
        </div>

        <EmailBody srcDoc={previewDocument(email.html)} text={email.text} subject={email.subject} />
      </div>
    </div>
  );
}
