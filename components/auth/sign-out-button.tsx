"use client";

import { LogOut } from "lucide-react";
import { useTransition, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "./actions";

/**
 * Signs this browser out. A plain button by default; pass `asMenuItem` styling through className/variant to use
 * it inside a dropdown (wrap in `DropdownMenuItem asChild`).
 */
export function SignOutButton({ children, ...props }: Omit<ComponentProps<typeof Button>, "onClick" | "type">) {
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" variant="ghost" disabled={pending} onClick={() => startTransition(() => signOutAction())} {...props}>
      {children ?? (
        <>
          <LogOut aria-hidden />
          {pending ? "Signing out…" : "Sign out"}
        </>
      )}
    </Button>
  );
}
