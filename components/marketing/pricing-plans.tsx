"use client";

import { useState } from "react";
import { IntervalToggle } from "@/components/billing/interval-toggle";
import { PlanCard } from "@/components/marketing/plan-card";
import { plans, type BillingInterval } from "@/lib/plans";

/**
 * The plans with a monthly/yearly toggle. A paid plan's button carries the plan and period through sign-up (and
 * email verification) straight into checkout: `checkoutPath` is /billing/checkout, reached after sign-in.
 */
export function PricingPlans({ signedIn, currentPlanId }: { signedIn: boolean; currentPlanId: string | null }) {
  const [interval, setInterval] = useState<BillingInterval>("month");
  const hrefOf = (planId: string) => {
    if (planId === "free") return signedIn ? "/" : "/sign-up";
    const checkout = `/billing/checkout?plan=${planId}&interval=${interval}`;
    return signedIn ? checkout : `/sign-up?callbackUrl=${encodeURIComponent(checkout)}`;
  };
  return (
    <div className="grid gap-10">
      <IntervalToggle value={interval} onChange={setInterval} className="justify-self-center" />
      <div className="mx-auto grid w-full max-w-md gap-6 lg:max-w-none lg:grid-cols-3 lg:items-stretch">
        {plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} interval={interval} href={hrefOf(plan.id)} current={plan.id === currentPlanId} />
        ))}
      </div>
    </div>
  );
}
