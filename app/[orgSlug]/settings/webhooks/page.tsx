import { ChevronRight, Plus, Webhook } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { entitlementsIn } from "@/lib/billing/entitlements";
import { billingPath } from "@/lib/billing/limits";
import { orgPage } from "@/lib/org-page";
import { listEndpointsPage } from "@/lib/webhooks/endpoint-views";
import { noWebhookAccess } from "./_components/no-access";
import { EndpointStatus } from "./_components/status";

export const metadata: Metadata = { title: "Webhooks" };

/** The organization's webhook endpoints, with how their deliveries went over the last day (webhooks:manage). */
export default orgPage(
  {
    permission: "webhooks:manage",
    noAccess: noWebhookAccess,
    load: async (tx, { org }) => ({ endpoints: await listEndpointsPage(tx), entitlements: await entitlementsIn(tx, org.orgId) }),
  },
  ({ org, data: { endpoints, entitlements } }) => {
    const base = `/${org.slug}/settings/webhooks`;
    // A plan without webhooks (Free, or a lapsed plan) keeps its endpoints readable; nothing is sent to them.
    const included = entitlements.limits.webhookEndpoints !== 0;

    return (
      <div className="grid min-w-0 gap-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 className="text-lg font-semibold">Webhooks</h2>
            <p className="mt-1 max-w-prose text-sm text-muted-foreground">
              Keel sends signed HTTP requests to your endpoints when projects, members or billing change in {org.name}, and retries
              for about a day until they are received.
            </p>
          </div>
          {endpoints.length && included ? (
            <Button asChild>
              <Link href={`${base}/new`}>
                <Plus aria-hidden /> Add endpoint
              </Link>
            </Button>
          ) : null}
        </div>

        {!included ? (
          <Alert>
            <Webhook aria-hidden />
            <AlertTitle>Outgoing webhooks are not part of the {entitlements.plan.name} plan</AlertTitle>
            <AlertDescription>
              <p>
                Upgrade to send signed events to your services.{endpoints.length ? " Your endpoints are kept, and nothing is sent to them until then." : ""}
              </p>
              <Link href={billingPath(org.slug)} className="font-medium underline underline-offset-4 rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring">
                Upgrade your plan
              </Link>
            </AlertDescription>
          </Alert>
        ) : null}

        {endpoints.length === 0 && !included ? null : endpoints.length === 0 ? (
          <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
            <Webhook className="size-8 text-muted-foreground" aria-hidden />
            <p className="mt-3 font-medium">No endpoints yet</p>
            <p className="mt-1 max-w-sm text-sm text-muted-foreground">Add the URL of a service of yours, choose the events it needs, and it hears about changes as they happen.</p>
            <Button asChild className="mt-5">
              <Link href={`${base}/new`}>
                <Plus aria-hidden /> Add your first endpoint
              </Link>
            </Button>
          </div>
        ) : (
          <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label="Webhook endpoints">
            {endpoints.map(({ endpoint, deliveredToday, failingToday }) => (
              <li key={endpoint.id}>
                <Link
                  href={`${base}/${endpoint.id}`}
                  className="flex items-center gap-4 px-5 py-4 outline-none hover:bg-muted/40 focus-visible:bg-muted/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
                >
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="min-w-0 truncate font-mono text-sm font-medium">{endpoint.url}</span>
                      <EndpointStatus {...endpoint} />
                    </div>
                    <p className="mt-1 truncate text-sm text-muted-foreground">
                      {endpoint.description || `${endpoint.eventTypes.length} event ${endpoint.eventTypes.length === 1 ? "type" : "types"}`}
                    </p>
                    <p className="mt-1 text-xs text-muted-foreground">
                      Last 24 hours: {deliveredToday} delivered
                      {failingToday ? <span className="text-destructive"> · {failingToday} failing</span> : null}
                    </p>
                  </div>
                  <ChevronRight className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
        )}

        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Verifying requests</CardTitle>
            <CardDescription>
              Requests follow the Standard Webhooks specification: check the <code className="font-mono">webhook-signature</code> header with
              the endpoint&apos;s secret before trusting a payload, and use <code className="font-mono">webhook-id</code> to ignore repeats.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <pre className="overflow-x-auto rounded-lg bg-muted p-4 font-mono text-xs leading-relaxed">
              {`import { Webhook } from "standardwebhooks";

  const wh = new Webhook(secret); // the endpoint's whsec_… secret
  const event = wh.verify(rawBody, headers); // throws if forged or stale
  // event.type: "project.created", event.data: { id, name, … }`}
            </pre>
          </CardContent>
        </Card>
      </div>
    );
});
