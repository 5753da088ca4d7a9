import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AccountExportSummary } from "@/db/queries/account";
import { blockedMessage, orgsBlockingDeletion } from "@/lib/account/delete-account";
import { exportStatus } from "@/lib/account/export-status";
import { listExports } from "@/lib/account/exports";
import { requireSession } from "@/lib/auth/session";
import { DeleteAccountForm } from "./_components/delete-account-form";
import { ExportForm } from "./_components/export-form";
import { deleteAccountAction, requestExportAction } from "./actions";

export const metadata: Metadata = { title: "Your data" };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A person's data: download a copy of it, or delete the account. */
export default async function AccountDataPage() {
  const session = await requireSession();
  const [exports, blocking] = await Promise.all([listExports(session.user.id), orgsBlockingDeletion(session.user.id)]);

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your data</h1>
        <p className="mt-1 text-sm text-muted-foreground">Take a copy of everything Keel holds about you, or delete your account.</p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Export my data</CardTitle>
          <CardDescription>
            A JSON file with your profile, memberships, devices, the changes you made and the projects you created. Each export can be
            downloaded for 7 days.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <ExportForm action={requestExportAction} />
          {exports.length ? <ExportList exports={exports} /> : null}
        </CardContent>
      </Card>

      <Card className="border-destructive/40">
        <CardHeader>
          <CardTitle className="text-destructive">Delete my account</CardTitle>
          <CardDescription>
            Removes your profile, sessions and memberships. Organizations where you are the only member are deleted with everything
            in them. This can&apos;t be undone.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {blocking.length ? (
            <div role="status" className="grid gap-3 rounded-lg border border-destructive/40 bg-destructive/5 p-4 text-sm">
              <p>{blockedMessage(blocking)}</p>
              <ul className="flex flex-wrap gap-2">
                {blocking.map((org) => (
                  <li key={org.id}>
                    <Button asChild size="sm" variant="outline">
                      <Link href={`/${org.slug}/settings/members`}>Members of {org.name}</Link>
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <DeleteAccountForm email={session.user.email} action={deleteAccountAction} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function ExportList({ exports }: { exports: AccountExportSummary[] }) {
  return (
    <ul className="divide-y rounded-lg border" aria-label="Your exports">
      {exports.map((e) => {
        const status = exportStatus(e);
        return (
          <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="grid gap-0.5">
              <span className="text-sm font-medium">Requested {when.format(e.createdAt)} UTC</span>
              <span className="text-xs text-muted-foreground">
                {status === "ready" ? `Available until ${when.format(e.expiresAt)} UTC` : status === "pending" ? "Being prepared… refresh in a moment." : status === "failed" ? "Something went wrong. Request a new export." : "No longer available."}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <Badge variant={status === "ready" ? "default" : status === "failed" ? "destructive" : "secondary"}>{status}</Badge>
              {status === "ready" ? (
                <Button asChild size="sm" variant="outline">
                  <a href={`/api/account/exports/${e.id}`} download>
                    <Download aria-hidden /> Download
                  </a>
                </Button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
