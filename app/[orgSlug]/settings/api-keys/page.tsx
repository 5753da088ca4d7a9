import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/no-access";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listApiKeys, type ApiKeyListItem } from "@/lib/api-keys/list-api-keys";
import { orgPage } from "@/lib/org-page";
import { CreateApiKeyForm } from "./_components/create-api-key-form";
import { RevokeApiKeyDialog } from "./_components/revoke-api-key-dialog";

export const metadata: Metadata = { title: "API keys" };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

function keyState(key: ApiKeyListItem, now: Date): { label: string; variant: "secondary" | "outline" | "destructive" } | null {
  if (key.revokedAt) return { label: "Revoked", variant: "outline" };
  if (key.expiresAt && key.expiresAt <= now) return { label: "Expired", variant: "outline" };
  return null;
}

/** The organization's API keys: create one (shown once), see when each was last used, revoke (api_keys:manage). */
export default orgPage(
  {
    permission: "api_keys:manage",
    noAccess: (org) => <NoAccess title="You don't have access to API keys">Only owners and admins of {org.name} can manage its API keys.</NoAccess>,
    load: (tx) => listApiKeys(tx),
  },
  ({ org, data: keys }) => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    return (
      <div className="grid gap-6">
        <div>
          <h2 className="text-lg font-semibold">API keys</h2>
          <p className="mt-1 max-w-prose text-sm text-muted-foreground">
            Keys let your services call the{" "}
            <Link href="/docs/api" className="font-medium text-foreground underline underline-offset-4">
              Keel API
            </Link>{" "}
            for {org.name}, with the scopes you choose. They act on behalf of the person who created them.
          </p>
        </div>

        <Card>
          <CardHeader>
            <CardTitle>Create a key</CardTitle>
            <CardDescription>Give each service its own key, so you can revoke one without breaking the others.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateApiKeyForm slug={org.slug} today={today} />
          </CardContent>
        </Card>

        {keys.length === 0 ? (
          <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-10 text-center">
            <KeyRound className="size-8 text-muted-foreground" aria-hidden />
            <p className="mt-3 font-medium">No API keys yet</p>
            <p className="mt-1 max-w-sm text-sm text-muted-foreground">Create one above; it is shown once, then only its first characters.</p>
          </div>
        ) : (
          <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label="API keys">
            {keys.map((key) => {
              const state = keyState(key, now);
              return (
                <li key={key.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-5 py-4" data-testid="api-key-row">
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{key.name}</span>
                      <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{key.prefix}…</code>
                      {state ? <Badge variant={state.variant}>{state.label}</Badge> : null}
                    </div>
                    <p className="mt-1.5 flex flex-wrap gap-1">
                      {key.scopes.map((scope) => (
                        <Badge key={scope} variant="secondary" className="font-mono">
                          {scope}
                        </Badge>
                      ))}
                    </p>
                    <dl className="mt-2 grid gap-x-6 gap-y-1 text-xs text-muted-foreground sm:grid-cols-3">
                      <div>
                        <dt className="inline">Created by </dt>
                        <dd className="inline text-foreground">{key.creator?.name ?? key.creator?.email ?? "a former member"}</dd>
                        <span> on {day.format(key.createdAt)}</span>
                      </div>
                      <div>
                        <dt className="inline">Last used </dt>
                        <dd className="inline text-foreground" data-testid="api-key-last-used">
                          {key.lastUsedAt ? `${when.format(key.lastUsedAt)} UTC` : "never"}
                        </dd>
                      </div>
                      <div>
                        <dt className="inline">{key.revokedAt ? "Revoked " : "Expires "}</dt>
                        <dd className="inline text-foreground">
                          {key.revokedAt ? day.format(key.revokedAt) : key.expiresAt ? `${when.format(key.expiresAt)} UTC` : "never"}
                        </dd>
                      </div>
                    </dl>
                  </div>
                  {key.revokedAt ? null : <RevokeApiKeyDialog slug={org.slug} keyId={key.id} name={key.name} />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    );
  },
);
