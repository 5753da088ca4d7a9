import { ChevronDown } from "lucide-react";

const questions = [
  {
    q: "How does yearly billing work?",
    a: "A year costs ten months' price, so two months are free. Payments, invoices and plan changes run through Stripe.",
  },
  {
    q: "Is a plan per person or per organization?",
    a: "Per organization. Everyone you invite works under the organization's plan, up to its member limit, and each organization you create has its own plan.",
  },
  {
    q: "What counts as an API request?",
    a: "Each call to the /api/v1 endpoints made with one of your organization's API keys counts toward its monthly total.",
  },
  {
    q: "Can I change these plans?",
    a: "Yes. Keel is open source and these are the plans it ships with. They live in one table, lib/plans.ts: edit it, and this page and the entitlement checks follow.",
  },
] as const;

/** Frequently asked questions, as native disclosure widgets: keyboard and screen-reader support come free. */
export function PricingFaq() {
  return (
    <section aria-labelledby="faq-title" className="mx-auto max-w-3xl">
      <h2 id="faq-title" className="text-2xl font-semibold tracking-tight sm:text-3xl">
        Questions
      </h2>
      <div className="mt-6 divide-y rounded-xl border bg-card">
        {questions.map(({ q, a }) => (
          <details key={q} className="group px-5 [&_summary::-webkit-details-marker]:hidden">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-md py-4 font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-card">
              {q}
              <ChevronDown
                aria-hidden="true"
                className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-180"
              />
            </summary>
            <p className="pb-5 text-sm leading-relaxed text-muted-foreground">{a}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
