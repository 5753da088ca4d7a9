import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The marketing header's buttons for a visitor: sign in (from `md` up) and get started. */
export function GuestActions() {
  return (
    <>
      <Button asChild variant="ghost" className="hidden md:inline-flex">
        <Link href="/sign-in">Sign in</Link>
      </Button>
      <Button asChild className="h-8 px-3 sm:h-9 sm:px-4">
        <Link href="/sign-up">Get started</Link>
      </Button>
    </>
  );
}
