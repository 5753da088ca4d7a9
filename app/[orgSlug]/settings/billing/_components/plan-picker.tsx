"use client";

import { useActionState, useState } from "react";
import { IntervalToggle } from "@/components/billing/interval-toggle";
import { FormMessage, SubmitButton } from "@/components/forms";
import { formatPrice, unitPriceCents, type BillingInterval, type Plan } from "@/lib/plans";
import { cn } from "@/lib/utils";
import { startCheckoutAction } from "../actions";

/** The paid plans with a monthly/yearly toggle; choosing one goes to Stripe Checkout. */
export function PlanPicker({ slug, plans, currentPlanId, members }: { slug: string; plans: Plan[]; currentPlanId: string; members: number }) {
  const [interval, setInterval] = useState<BillingInterval>("month");
  const [state, checkout, pending] = useActionState(startCheckoutAction, null);
  return (
    <div className="grid gap-4">
      <IntervalToggle value={interval} onChange={setInterval} className="justify-self-start" />
      <div className="grid gap-4 sm:grid-cols-2">
        {plans.map((plan) => {
          const unit = unitPriceCents(plan, interval);
          const per = interval === "year" ? "year" : "month";
          return (
            <form key={plan.id} action={checkout} className={cn("flex flex-col rounded-xl border bg-card p-5 shadow-xs", plan.highlighted && "border-primary ring-1 ring-primary")}>
              <input type="hidden" name="orgSlug" value={slug} />
              <input type="hidden" name="plan" value={plan.id} />
              <input type="hidden" name="interval" value={interval} />
              <h3 className="font-semibold">{plan.name}</h3>
              <p className="mt-1 text-sm text-muted-foreground">{plan.tagline}</p>
              <p className="mt-4 flex items-baseline gap-1.5">
                <span className="text-2xl font-semibold tracking-tight">{formatPrice(unit)}</span>
                <span className="text-sm text-muted-foreground">
                  {plan.perSeat ? `per member / ${per}` : `/ ${per}`}
                </span>
              </p>
              {plan.perSeat ? (
                <p className="mt-1 text-xs text-muted-foreground">
                  {members} {members === 1 ? "member" : "members"} today: {formatPrice(unit * Math.max(1, members))} / {per}
                </p>
              ) : null}
              {plan.trialDays ? <p className="mt-1 text-xs text-muted-foreground">{plan.trialDays}-day free trial</p> : null}
              <SubmitButton className="mt-5" variant={plan.highlighted ? "default" : "outline"} disabled={plan.id === currentPlanId} pending={pending} pendingLabel="Opening checkout…">
                {plan.id === currentPlanId ? "Current plan" : `Upgrade to ${plan.name}`}
              </SubmitButton>
            </form>
          );
        })}
      </div>
      <FormMessage state={state} className="empty:hidden" />
    </div>
  );
}
