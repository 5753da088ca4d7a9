import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The landing page's two calls to action (hero and closing band): sign up, or compare plans first. */
export function GetStartedButtons() {
  return (
    <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
      <Button asChild size="lg">
        <Link href="/sign-up">
          Get started
          <ArrowRight aria-hidden="true" />
        </Link>
      </Button>
      <Button asChild size="lg" variant="outline">
        <Link href="/pricing">See pricing</Link>
      </Button>
    </div>
  );
}
