import type { ReactNode } from "react";
import { SectionShell } from "@/components/section-shell";
import { SideNav } from "@/components/side-nav";
import { requireAdmin } from "@/lib/admin/require-admin";

const adminLinks = [
  { href: "/admin", label: "Metrics", exact: true },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/orgs", label: "Organizations" },
  { href: "/admin/flags", label: "Feature flags" },
  { href: "/admin/system", label: "System" },
];

/** The admin console's shell, for platform admins only (everyone else gets the 404 page, here and on each page). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireAdmin();
  return (
    <SectionShell section="Admin" user={session.user} wide aside={<SideNav label="Admin" links={adminLinks} />}>
      {children}
    </SectionShell>
  );
}
