"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** An organization in the switcher. */
export type SwitcherOrg = { id: string; slug: string; name: string; role: string };

function Initial({ name }: { name: string }) {
  return (
    <span aria-hidden="true" className="grid size-6 shrink-0 place-items-center rounded-md bg-primary/10 text-xs font-semibold text-primary uppercase">
      {name.trim().charAt(0) || "?"}
    </span>
  );
}

/** The current organization, and a menu to go to another one or create one. */
export function OrgSwitcher({ current, orgs }: { current: { slug: string; name: string }; orgs: SwitcherOrg[] }) {
  return (
    // Not modal: a modal menu marks the rest of the page aria-hidden while its links stay focusable (axe:
    // aria-hidden-focus). Keyboard use is the same; Escape and a click outside still close it.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-9 max-w-[14rem] gap-2 px-2">
          <Initial name={current.name} />
          {/* Its name starts with the visible text (WCAG 2.5.3, label in name), then says what the button does. */}
          <span className="truncate font-medium">{current.name}</span>
          <span className="sr-only">, switch organization</span>
          <ChevronsUpDown aria-hidden="true" className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Organizations</DropdownMenuLabel>
        {orgs.map((org) => (
          <DropdownMenuItem key={org.id} asChild>
            <Link href={`/${org.slug}/projects`} aria-current={org.slug === current.slug ? "true" : undefined}>
              <Initial name={org.name} />
              <span className="min-w-0 flex-1 truncate">{org.name}</span>
              <span className="text-xs text-muted-foreground capitalize">{org.role}</span>
              {org.slug === current.slug ? <Check aria-label="Current" className="text-primary" /> : null}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/new">
            <Plus aria-hidden="true" />
            Create organization
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
