import type { Metadata } from "next";
import { PricingFaq } from "@/components/marketing/pricing-faq";
import { PricingPlans } from "@/components/marketing/pricing-plans";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";
import { getSession } from "@/lib/auth/session";
import { entitlementsOf } from "@/lib/billing/entitlements";
import { myOrgs } from "@/lib/orgs/membership";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Keel's plans: start free, upgrade when your team and your customers grow. Pay yearly and get two months free.",
};

/** The plan of the signed-in viewer's first organization (the one "Start Pro" would upgrade), or null. */
async function viewerPlan(): Promise<{ signedIn: boolean; planId: string | null }> {
  const session = await getSession();
  if (!session) return { signedIn: false, planId: null };
  const [first] = await myOrgs(session.user.id);
  return { signedIn: true, planId: first ? (await entitlementsOf(first.id)).plan.id : null };
}

export default async function PricingPage() {
  const viewer = await viewerPlan();
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
                Prices in US dollars. Pay yearly for the price of ten months. Business is priced per member.
              </p>
            </div>
            <div className="mt-10 lg:mt-12">
              <PricingPlans signedIn={viewer.signedIn} currentPlanId={viewer.planId} />
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
