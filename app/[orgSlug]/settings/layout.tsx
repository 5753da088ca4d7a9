import type { ReactNode } from "react";
import { requireOrg } from "@/lib/org-page";
import { can } from "@/lib/orgs/permissions";
import { SideNav } from "@/components/side-nav";

/** Settings of an organization: General, Members, Billing, API keys, Webhooks, Audit log (each shown to roles that can use it). */
export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const base = `/${org.slug}/settings`;
  const links = [
    { href: base, label: "General", exact: true },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/billing`, label: "Billing" },
    ...(can(org.role, "api_keys:manage") ? [{ href: `${base}/api-keys`, label: "API keys" }] : []),
    ...(can(org.role, "webhooks:manage") ? [{ href: `${base}/webhooks`, label: "Webhooks" }] : []),
    ...(can(org.role, "audit:read") ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
  ];
  return (
    <div className="grid grid-cols-1 gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Manage {org.name}: its name and address, members, billing, API keys, webhooks and history.
        </p>
      </div>
      <div className="grid grid-cols-1 gap-8 md:grid-cols-[12rem_minmax(0,1fr)]">
        <SideNav label="Settings" links={links} />
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}
