"use client";

import { Plus } from "lucide-react";
import { usePathname } from "next/navigation";
import { KeelMark } from "@/components/marketing/logo";
import { MobileMenu, MobileMenuLink } from "@/components/mobile-menu";
import { isCurrent } from "@/components/nav-link";
import type { AppNavLink } from "./nav-links";
import type { SwitcherOrg } from "./org-switcher";

/** Below `md`: the sections and organizations in a panel from the top. */
export function MobileAppNav({ links, orgs, currentSlug }: { links: AppNavLink[]; orgs: SwitcherOrg[]; currentSlug: string }) {
  const pathname = usePathname();
  return (
    <MobileMenu brand={<KeelMark />} description="Sections and organizations">
      <nav aria-label="Main" className="px-4 pb-2">
        <ul className="flex flex-col border-t py-2">
          {links.map((link) => (
            <li key={link.href}>
              <MobileMenuLink href={link.href} current={isCurrent(pathname, link.href)}>
                {link.label}
              </MobileMenuLink>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Organizations" className="px-4 pb-6">
        <p className="border-t pt-4 pb-1 text-xs font-medium text-muted-foreground">Organizations</p>
        <ul className="flex flex-col">
          {orgs.map((org) => (
            <li key={org.id}>
              <MobileMenuLink href={`/${org.slug}/projects`} current={org.slug === currentSlug}>
                {org.name}
              </MobileMenuLink>
            </li>
          ))}
          <li>
            <MobileMenuLink href="/new">
              <Plus aria-hidden="true" className="size-4" />
              Create organization
            </MobileMenuLink>
          </li>
        </ul>
      </nav>
    </MobileMenu>
  );
}
