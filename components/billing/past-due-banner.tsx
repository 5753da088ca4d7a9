import { CircleAlert } from "lucide-react";
import Link from "next/link";

/** Shown on every page of an organization whose payment failed, until it is fixed or the grace period ends. */
export function PastDueBanner({ slug, planName, graceEndsAt, canManage }: { slug: string; planName: string; graceEndsAt: string; canManage: boolean }) {
  const until = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(graceEndsAt));
  return (
    <div role="status" className="border-b border-destructive/30 bg-destructive/10 px-4 py-2 text-sm text-destructive">
      <p className="mx-auto flex max-w-6xl items-start gap-2">
        <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          The last payment failed. {planName} stays on until {until}
          {canManage ? (
            <>
              :{" "}
              <Link href={`/${slug}/settings/billing`} className="font-medium underline underline-offset-4">
                update the payment method
              </Link>
              .
            </>
          ) : (
            "; an owner needs to update the payment method."
          )}
        </span>
      </p>
    </div>
  );
}
