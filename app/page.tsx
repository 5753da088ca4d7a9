import { Architecture } from "@/components/marketing/architecture";
import { CallToAction } from "@/components/marketing/call-to-action";
import { Features } from "@/components/marketing/features";
import { Hero } from "@/components/marketing/hero";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";

export default function HomePage() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="outline-none">
        <Hero />
        <Features />
        <Architecture />
        <CallToAction />
      </main>
      <SiteFooter />
    </>
  );
}
