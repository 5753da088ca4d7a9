"use client";

import { ExternalLink } from "lucide-react";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms";
import { openPortalAction } from "../actions";

/** "Manage billing": payment method, plan changes, cancellation and past invoices in Stripe's Customer Portal. */
export function ManageBilling({ slug }: { slug: string }) {
  const [state, open] = useActionState(openPortalAction, null);
  return (
    <form action={open} className="grid gap-2">
      <input type="hidden" name="orgSlug" value={slug} />
      <SubmitButton variant="outline" pendingLabel="Opening…">
        Manage billing <ExternalLink aria-hidden />
      </SubmitButton>
      <FormMessage state={state} className="empty:hidden" />
    </form>
  );
}
