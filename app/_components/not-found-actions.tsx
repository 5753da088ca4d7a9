"use client";

import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { GuestActions } from "@/components/marketing/guest-actions";
import { Button } from "@/components/ui/button";
import { useVisitorHome } from "./use-visitor-home";

/**
 * The 404's ways on: to the visitor's organization (or creating one) and their account once the page knows they
 * are signed in, home and sign-in otherwise. The page is prerendered, so it asks after load (GET /api/me/home).
 */
export function NotFoundActions() {
  const visitor = useVisitorHome();
  if (visitor?.signedIn) {
    return (
      <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
        <Button asChild>
          <Link href={visitor.home.href}>
            {visitor.home.href === "/new" ? visitor.home.label : `Go to ${visitor.home.label}`}
            <ArrowRight aria-hidden />
          </Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/account">Your account</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
      <Button asChild>
        <Link href="/">Back to home</Link>
      </Button>
      <Button asChild variant="outline">
        <Link href="/sign-in">Sign in</Link>
      </Button>
    </div>
  );
}

/** The header's buttons on the 404: sign-in and sign-up for a visitor, the way to their app for a signed-in person. */
export function NotFoundHeaderActions() {
  const visitor = useVisitorHome();
  if (visitor?.signedIn) {
    return (
      <Button asChild className="h-8 px-3 sm:h-9 sm:px-4">
        <Link href={visitor.home.href}>Open app</Link>
      </Button>
    );
  }
  return <GuestActions />;
}
