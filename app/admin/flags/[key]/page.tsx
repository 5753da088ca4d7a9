import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { adminPage } from "@/lib/admin/admin-page";
import { flagForAdmin } from "@/lib/flags/admin-flags";
import { plans } from "@/lib/plans";
import { removeFlagOverrideAction, setFlagOverrideAction, updateFlagAction } from "../actions";
import { FlagRule } from "../_components/flag-rule";
import { FlagSettingsForm } from "../_components/flag-settings-form";
import { AddOverrideForm, RemoveOverrideButton } from "../_components/override-forms";

export const metadata: Metadata = { title: "Feature flag" };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One flag: its rule (editable) and the organizations that override it. */
export default adminPage(
  { name: "feature flag", load: (tx, { params }: { params: { key: string } }) => flagForAdmin(tx, params.key) },
  ({ data }) => {
    if (!data) notFound();
    const { flag, overrides } = data;
    return (
      <div className="grid gap-6">
        <div className="grid gap-3">
          <Link href="/admin/flags" className="inline-flex w-fit items-center gap-1.5 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
            <ArrowLeft className="size-4" aria-hidden /> Feature flags
          </Link>
          <div>
            <h1 className="font-mono text-xl font-semibold tracking-tight break-all sm:text-2xl">{flag.key}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5">
              <FlagRule defaultEnabled={flag.defaultEnabled} rolloutPercent={flag.rolloutPercent} plans={flag.plans} />
              <span className="text-xs text-muted-foreground">Changed {when.format(flag.updatedAt)} UTC</span>
            </div>
          </div>
        </div>

        <Card>
          <CardHeader>
            <CardTitle>Rule</CardTitle>
            <CardDescription>What organizations without an override get.</CardDescription>
          </CardHeader>
          <CardContent>
            <FlagSettingsForm flag={flag} plans={plans.map((p) => ({ id: p.id, name: p.name }))} action={updateFlagAction} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Overrides</CardTitle>
            <CardDescription>An override turns the flag on or off for one organization, whatever its plan, the rollout or the default say.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <AddOverrideForm flagKey={flag.key} action={setFlagOverrideAction} />
            {overrides.length === 0 ? (
              <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No organization overrides this flag.</p>
            ) : (
              <ul className="divide-y rounded-lg border" aria-label="Organizations that override this flag">
                {overrides.map((o) => (
                  <li key={o.orgId} className="flex flex-wrap items-center gap-3 px-4 py-3">
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-medium">{o.name}</p>
                      <p className="truncate font-mono text-xs text-muted-foreground">{o.slug}</p>
                    </div>
                    <Badge variant={o.enabled ? "default" : "outline"}>{o.enabled ? "On" : "Off"}</Badge>
                    <RemoveOverrideButton flagKey={flag.key} orgId={o.orgId} orgName={o.name} action={removeFlagOverrideAction} />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    );
  },
);
