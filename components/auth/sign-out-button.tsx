"use client";

import { LogOut } from "lucide-react";
import { useTransition, type ComponentProps, type MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "./actions";

/**
 * Signs this browser out. A plain button by default; inside a dropdown wrap it in `DropdownMenuItem asChild`: the
 * item's own click handler (passed through `props`) runs first, then the sign-out, so neither replaces the other.
 */
export function SignOutButton({ children, onClick, ...props }: Omit<ComponentProps<typeof Button>, "type">) {
  const [pending, startTransition] = useTransition();
  const signOut = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event);
    startTransition(async () => {
      await signOutAction(null, new FormData());
    });
  };
  return (
    <Button type="button" variant="ghost" disabled={pending} aria-busy={pending || undefined} {...props} onClick={signOut}>
      {children ?? (
        <>
          <LogOut aria-hidden />
          {pending ? "Signing out…" : "Sign out"}
        </>
      )}
    </Button>
  );
}
