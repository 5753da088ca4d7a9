import { ChevronLeft, ChevronRight, Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { orgPage, type OrgPageContext } from "@/lib/org-page";
import { endpointPage, type DeliveryView } from "@/lib/webhooks/endpoint-views";
import { disableAfterMs } from "@/lib/webhooks/config";
import { endpointIdSchema } from "@/lib/webhooks/schemas";
import { EndpointControls, ReplayButton } from "../_components/endpoint-controls";
import { noWebhookAccess } from "../_components/no-access";
import { DeliveryStatusBadge, EndpointStatus } from "../_components/status";

export const metadata: Metadata = { title: "Webhook endpoint" };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** `?before=<createdAt ISO>~<delivery id>`: the page of the log after that delivery. */
function parseCursor(raw: unknown): { createdAt: Date; id: string } | undefined {
  if (typeof raw !== "string") return undefined;
  const [iso, id] = raw.split("~");
  const createdAt = new Date(iso ?? "");
  return Number.isNaN(createdAt.getTime()) || !endpointIdSchema.safeParse(id).success ? undefined : { createdAt, id: id! };
}

/** One endpoint: its settings, controls, and its delivery log with every attempt (webhooks:manage). */
export default orgPage(
  {
    permission: "webhooks:manage",
    noAccess: noWebhookAccess,
    load: (tx, { params, searchParams }: OrgPageContext<{ orgSlug: string; endpointId: string }>) => {
      const id = endpointIdSchema.safeParse(params.endpointId);
      return id.success ? endpointPage(tx, id.data, parseCursor(searchParams.before)) : Promise.resolve(null);
    },
  },
  ({ org, searchParams, data: page }) => {
    if (!page) notFound();
    const before = parseCursor(searchParams.before);
    const { endpoint, deliveries, hasMore } = page;
    const base = `/${org.slug}/settings/webhooks`;
    const last = deliveries.at(-1);

    return (
      <div className="grid gap-6">
        <Link href={base} className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
          <ChevronLeft className="size-4" aria-hidden /> Webhooks
        </Link>

        <div className="grid gap-4">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="min-w-0 font-mono text-base font-semibold break-all">{endpoint.url}</h2>
              <EndpointStatus {...endpoint} />
            </div>
            {endpoint.description ? <p className="mt-1 text-sm text-muted-foreground">{endpoint.description}</p> : null}
          </div>
          <EndpointControls slug={org.slug} endpoint={endpoint} />
          {!endpoint.enabled && endpoint.disabledReason === "failing" ? (
            <p role="status" className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm">
              Keel disabled this endpoint because every delivery failed for days. Fix the receiver, enable it, then replay what it missed.
            </p>
          ) : endpoint.failingSince && endpoint.enabled ? (
            <p role="status" className="rounded-md border border-amber-500/40 bg-amber-500/5 px-3 py-2 text-sm">
              Every attempt since {when.format(endpoint.failingSince)} UTC has failed. After {Math.round(disableAfterMs() / 86_400_000)} days of failures the endpoint is disabled and its admins get an email.
            </p>
          ) : null}
        </div>

        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-muted-foreground">Events</dt>
              <dd className="flex flex-wrap gap-1.5">
                {endpoint.eventTypes.map((type) => (
                  <code key={type} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                    {type}
                  </code>
                ))}
              </dd>
              <dt className="text-muted-foreground">Signing secret</dt>
              <dd>
                {endpoint.rotating && endpoint.previousSecretExpiresAt
                  ? `Rotated. The previous secret also signs until ${when.format(endpoint.previousSecretExpiresAt)} UTC.`
                  : "Set. It was shown once; rotate it to get a new one."}
              </dd>
              <dt className="text-muted-foreground">Added</dt>
              <dd>{when.format(endpoint.createdAt)} UTC</dd>
            </dl>
          </CardContent>
        </Card>

        <section aria-labelledby="delivery-log" className="grid gap-3">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <div>
              <h3 id="delivery-log" className="font-semibold">
                Delivery log
              </h3>
              <p className="text-sm text-muted-foreground">Newest first. Times in UTC. Open a delivery to see each attempt and the payload.</p>
            </div>
            <Button asChild variant="ghost" size="sm">
              <Link href={`${base}/${endpoint.id}`}>Refresh</Link>
            </Button>
          </div>
          {deliveries.length === 0 ? (
            <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-10 text-center">
              <Inbox className="size-8 text-muted-foreground" aria-hidden />
              <p className="mt-3 font-medium">{before ? "No older deliveries" : "Nothing sent yet"}</p>
              <p className="mt-1 text-sm text-muted-foreground">Send a test event, or change a project, to see a delivery here.</p>
            </div>
          ) : (
            <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label="Deliveries">
              {deliveries.map((d) => (
                <DeliveryRow key={d.id} slug={org.slug} delivery={d} endpointEnabled={endpoint.enabled} />
              ))}
            </ul>
          )}
          <nav aria-label="Delivery log pages" className="flex justify-end gap-2">
            {before ? (
              <Button asChild variant="outline" size="sm">
                <Link href={`${base}/${endpoint.id}`}>
                  <ChevronLeft aria-hidden /> Newest
                </Link>
              </Button>
            ) : null}
            {hasMore && last ? (
              <Button asChild variant="outline" size="sm">
                <Link href={`${base}/${endpoint.id}?before=${encodeURIComponent(`${last.createdAt.toISOString()}~${last.id}`)}`} rel="next">
                  Older <ChevronRight aria-hidden />
                </Link>
              </Button>
            ) : null}
          </nav>
        </section>
      </div>
    );
  },
);

function DeliveryRow({ slug, delivery, endpointEnabled }: { slug: string; delivery: DeliveryView; endpointEnabled: boolean }) {
  const lastAttempt = delivery.attemptLog.at(-1);
  return (
    <li>
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 outline-none hover:bg-muted/40 focus-visible:bg-muted/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset [&::-webkit-details-marker]:hidden">
          <ChevronRight className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" aria-hidden />
          <DeliveryStatusBadge status={delivery.status} />
          <code className="font-mono text-sm">{delivery.eventType}</code>
          <span className="text-xs text-muted-foreground sm:ml-auto">
            <time dateTime={delivery.createdAt.toISOString()}>{when.format(delivery.createdAt)}</time>
            {" · "}
            {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
            {lastAttempt ? ` · ${lastAttempt.statusCode ?? "no response"} in ${lastAttempt.durationMs} ms` : null}
            {delivery.status === "retrying" && delivery.nextAttemptAt ? ` · next retry ${when.format(delivery.nextAttemptAt)}` : null}
          </span>
        </summary>
        <div className="grid gap-4 border-t bg-muted/20 px-5 py-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <dl className="grid gap-1 text-xs">
              <div>
                <dt className="inline text-muted-foreground">webhook-id </dt>
                <dd className="inline font-mono">{delivery.messageId}</dd>
              </div>
              {delivery.deliveredAt ? (
                <div>
                  <dt className="inline text-muted-foreground">Delivered </dt>
                  <dd className="inline">{when.format(delivery.deliveredAt)}</dd>
                </div>
              ) : null}
            </dl>
            <ReplayButton slug={slug} deliveryId={delivery.id} disabled={!endpointEnabled} />
          </div>
          {delivery.attemptLog.length ? (
            <div className="relative overflow-x-auto rounded-lg border bg-card">
              <table className="w-full min-w-[40rem] text-left text-xs">
                <caption className="sr-only">Attempts of this delivery</caption>
                <thead className="border-b bg-muted/40 text-muted-foreground">
                  <tr>
                    {["#", "Sent", "Result", "Duration", "Response", "Next retry"].map((h) => (
                      <th key={h} scope="col" className="px-3 py-2 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y">
                  {delivery.attemptLog.map((a) => (
                    <tr key={a.id} className="align-top">
                      <td className="px-3 py-2 font-mono">{a.generation ? `${a.attempt} (replay ${a.generation})` : a.attempt}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{when.format(a.createdAt)}</td>
                      <td className={a.succeeded ? "px-3 py-2" : "px-3 py-2 text-destructive"}>{a.statusCode ? `HTTP ${a.statusCode}` : a.error}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{a.durationMs} ms</td>
                      <td className="max-w-[16rem] px-3 py-2">
                        <span className="line-clamp-3 font-mono break-all">{a.responseExcerpt || "—"}</span>
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">{a.nextRetryAt ? when.format(a.nextRetryAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">No attempt yet: it goes out in a moment.</p>
          )}
          <div>
            <p className="mb-1 text-xs font-medium text-muted-foreground">Payload</p>
            <pre className="max-h-64 overflow-auto rounded-lg bg-muted p-3 font-mono text-xs">{JSON.stringify(JSON.parse(delivery.payload), null, 2)}</pre>
          </div>
        </div>
      </details>
    </li>
  );
}
