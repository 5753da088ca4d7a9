import type { Metadata } from "next";
import { PlanCard } from "@/components/marketing/plan-card";
import { PricingFaq } from "@/components/marketing/pricing-faq";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";
import { plans } from "@/lib/plans";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Keel's plans: start free, upgrade when your team and your customers grow. Pay yearly and get two months free.",
};

export default function PricingPage() {
  return (
    <>
      <SiteHeader current="pricing" />
      <main id="main" tabIndex={-1} className="outline-none">
        <div className="relative isolate">
          <div
            aria-hidden="true"
            className="absolute inset-x-0 top-0 -z-10 mx-auto h-72 max-w-3xl rounded-full bg-primary/10 blur-3xl"
          />
          <div className="mx-auto max-w-6xl px-4 pt-16 pb-20 sm:px-6 sm:pt-20 lg:px-8">
            <div className="mx-auto max-w-2xl text-center">
              <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">Pricing</h1>
              <p className="mt-4 text-lg text-pretty text-muted-foreground">
                Start free. Upgrade when your team and your customers do.
              </p>
              <p className="mt-4 text-sm text-muted-foreground">
                Prices in US dollars, billed monthly. Pay yearly for the price of ten months.
              </p>
            </div>
            <div className="mx-auto mt-12 grid max-w-md gap-6 lg:mt-16 lg:max-w-none lg:grid-cols-3 lg:items-stretch">
              {plans.map((plan) => (
                <PlanCard key={plan.id} plan={plan} />
              ))}
            </div>
          </div>
        </div>
        <div className="border-t px-4 py-20 sm:px-6 lg:px-8">
          <PricingFaq />
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
