"use client";

import { Menu, Plus, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { KeelMark } from "@/components/marketing/logo";
import { isCurrent } from "@/components/nav-link";
import type { AppNavLink } from "./nav-links";
import type { SwitcherOrg } from "./org-switcher";

const linkClass =
  "flex items-center gap-2 rounded-md px-2 py-3 text-base font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring aria-[current=page]:text-foreground";

/** Below `md`: the sections and organizations in a panel from the top (focus trapped, Escape closes). */
export function MobileAppNav({ links, orgs, currentSlug }: { links: AppNavLink[]; orgs: SwitcherOrg[]; currentSlug: string }) {
  const pathname = usePathname();
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
          <Menu aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent
        showCloseButton={false}
        className="top-0 left-0 max-h-dvh max-w-none translate-x-0 translate-y-0 gap-0 overflow-y-auto rounded-none border-x-0 border-t-0 p-0 sm:max-w-none md:hidden"
      >
        <div className="flex h-14 items-center justify-between px-4">
          <KeelMark />
          <DialogClose asChild>
            <Button variant="ghost" size="icon" aria-label="Close menu">
              <X aria-hidden="true" />
            </Button>
          </DialogClose>
        </div>
        <DialogTitle className="sr-only">Menu</DialogTitle>
        <DialogDescription className="sr-only">Sections and organizations</DialogDescription>
        <nav aria-label="Main" className="px-4 pb-2">
          <ul className="flex flex-col border-t py-2">
            {links.map((link) => (
              <li key={link.href}>
                <DialogClose asChild>
                  <Link href={link.href} aria-current={isCurrent(pathname, link.href) ? "page" : undefined} className={linkClass}>
                    {link.label}
                  </Link>
                </DialogClose>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="Organizations" className="px-4 pb-6">
          <p className="border-t pt-4 pb-1 text-xs font-medium text-muted-foreground">Organizations</p>
          <ul className="flex flex-col">
            {orgs.map((org) => (
              <li key={org.id}>
                <DialogClose asChild>
                  <Link href={`/${org.slug}/projects`} aria-current={org.slug === currentSlug ? "page" : undefined} className={linkClass}>
                    {org.name}
                  </Link>
                </DialogClose>
              </li>
            ))}
            <li>
              <DialogClose asChild>
                <Link href="/new" className={linkClass}>
                  <Plus aria-hidden="true" className="size-4" />
                  Create organization
                </Link>
              </DialogClose>
            </li>
          </ul>
        </nav>
      </DialogContent>
    </Dialog>
  );
}
