"use client";

import { KeyRound, ShieldCheck, UserRound } from "lucide-react";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** The signed-in person as the shell shows them. */
export type ShellUser = { name: string | null; email: string; image: string | null; /** Shows the Admin entry. */ isPlatformAdmin?: boolean };

/** "Ada Lovelace" → "AL"; falls back to the email's first letter. */
export function initials(user: Pick<ShellUser, "name" | "email">): string {
  const parts = (user.name ?? "").trim().split(/\s+/).filter(Boolean);
  const letters = parts.length ? parts[0]!.charAt(0) + (parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : "") : user.email.charAt(0);
  return letters.toUpperCase();
}

/** Avatar button opening the account menu: who is signed in, account pages, sign out. */
export function UserMenu({ user }: { user: ShellUser }) {
  return (
    // Not modal: a modal menu marks the rest of the page aria-hidden while its links stay focusable (axe:
    // aria-hidden-focus). Keyboard use is the same; Escape and a click outside still close it.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="rounded-full">
          {/* The name is the button's text (for screen readers), not an aria-label that disagrees with what shows. */}
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
            {initials(user)}
          </span>
          <span className="sr-only">Account menu for {user.name ?? user.email}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="grid gap-0.5 font-normal">
          <span className="truncate text-sm font-medium">{user.name ?? "Your account"}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserRound aria-hidden="true" />
            Account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/security">
            <KeyRound aria-hidden="true" />
            Security
          </Link>
        </DropdownMenuItem>
        {user.isPlatformAdmin ? (
          <DropdownMenuItem asChild>
            <Link href="/admin">
              <ShieldCheck aria-hidden="true" />
              Admin
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        {/* Kept open while signing out, so the item can say "Signing out…" until the redirect. */}
        <DropdownMenuItem asChild onSelect={(event) => event.preventDefault()}>
          <SignOutButton className="h-auto w-full justify-start px-2 py-1.5 font-normal" />
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
