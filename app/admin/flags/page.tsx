import { ChevronRight, Flag } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { adminPage } from "@/lib/admin/admin-page";
import { listFlagsForAdmin } from "@/lib/flags/admin-flags";
import { FlagRule } from "./_components/flag-rule";

export const metadata: Metadata = { title: "Feature flags" };

/** Every flag the code declares, with its rule and how many organizations override it. */
export default adminPage({ name: "feature flags", load: (tx) => listFlagsForAdmin(tx) }, ({ data: flags }) => (
  <div className="grid gap-6">
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Feature flags</h1>
      <p className="mt-1 max-w-prose text-sm text-muted-foreground">
        For each organization a flag is decided by its override if it has one, then the plans the flag is limited to, then the rollout, then the
        default. Changes apply at once here and within seconds on every server.
      </p>
    </div>
    {flags.length === 0 ? (
      <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
        <Flag className="size-8 text-muted-foreground" aria-hidden />
        <p className="mt-3 font-medium">No flags yet</p>
        <p className="mt-1 max-w-sm text-sm text-muted-foreground">Declare one in lib/flags/registry.ts and it appears here, off for everyone.</p>
      </div>
    ) : (
      <ul className="divide-y rounded-xl border bg-card shadow-xs" aria-label="Feature flags">
        {flags.map((flag) => (
          <li key={flag.key} className="relative flex items-center gap-4 px-4 py-4 transition-colors focus-within:bg-accent/40 hover:bg-accent/40 sm:px-5">
            <div className="grid min-w-0 flex-1 gap-2">
              <h2 className="font-mono text-sm font-medium break-all">
                {/* The whole row is the link's target; the link itself stays the key for screen readers. */}
                <Link href={`/admin/flags/${flag.key}`} className="rounded-sm outline-none after:absolute after:inset-0 focus-visible:ring-2 focus-visible:ring-ring">
                  {flag.key}
                </Link>
              </h2>
              {flag.description ? <p className="text-sm text-muted-foreground">{flag.description}</p> : null}
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
                <FlagRule defaultEnabled={flag.defaultEnabled} rolloutPercent={flag.rolloutPercent} plans={flag.plans} />
                <span className="text-xs text-muted-foreground">
                  {flag.overrides === 0 ? "No overrides" : `${flag.overrides} ${flag.overrides === 1 ? "override" : "overrides"}`}
                </span>
              </div>
            </div>
            <ChevronRight className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          </li>
        ))}
      </ul>
    )}
  </div>
));
