import { Activity, ChartLine, CreditCard, KeyRound, ScrollText, ShieldCheck, Workflow, Zap } from "lucide-react";
import { SectionHeading } from "./section-heading";

const features = [
  {
    Icon: ShieldCheck,
    title: "Multi-tenant organizations",
    body: "Organizations, invitations and owner, admin and member roles. Every tenant table has Postgres Row-Level Security enabled and forced, so a forgotten filter returns nothing instead of someone else's data.",
  },
  {
    Icon: KeyRound,
    title: "Sign-in with Auth.js",
    body: "Magic links, email and password, and OAuth providers. Sessions are read through the cache: once it is warm, a signed-in page view costs at most one database round trip for identity.",
  },
  {
    Icon: CreditCard,
    title: "Stripe billing",
    status: "In progress",
    body: "Plans and their limits are in place (the pricing page reads them from one table). Checkout, subscriptions and invoices through Stripe are being built.",
  },
  {
    Icon: Workflow,
    title: "Background jobs with an outbox",
    body: "Email, outgoing webhooks, account exports and cleanup run as Inngest functions. Events are written in the same transaction as your data: if the queue is down, nothing is lost.",
  },
  {
    Icon: Zap,
    title: "Cache and rate limits",
    body: "Upstash Redis holds sessions and rate-limits sign-in, sign-up and email links. A cache with TTLs, single-flight and tag invalidation fails open: a dead Redis slows nothing.",
  },
  {
    Icon: ChartLine,
    title: "Admin metrics",
    status: "Planned",
    body: "MRR, churn and usage dashboards for platform admins, aggregated by a background job and shown next to technical health.",
  },
  {
    Icon: ScrollText,
    title: "Audit log",
    body: "Who did what, in which organization, and when. Retention follows the plan, from seven days on Free to a year on Business.",
  },
  {
    Icon: Activity,
    title: "Observability",
    body: "JSON logs where every line carries the request id, into the jobs the request caused. Sentry and OpenTelemetry switch on with an environment variable.",
  },
] as const;

export function Features() {
  return (
    <section id="features" aria-labelledby="features-title" className="scroll-mt-20 border-t">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
        <SectionHeading id="features-title" eyebrow="Features" title="Everything a paid product needs on day one">
          The parts every SaaS rebuilds, built once and built to scale: so your first week goes into the part only you
          can build.
        </SectionHeading>
        <ul className="mt-12 grid gap-px overflow-hidden rounded-xl border bg-border sm:grid-cols-2 lg:grid-cols-4">
          {features.map((feature) => {
            const { Icon, title, body } = feature;
            const status = "status" in feature ? feature.status : null;
            return (
            <li key={title} className="bg-card p-6">
              <span className="inline-flex size-9 items-center justify-center rounded-lg border bg-background text-primary">
                <Icon aria-hidden="true" className="size-[18px]" />
              </span>
              <h3 className="mt-4 flex flex-wrap items-center gap-2 font-medium">
                {title}
                {status ? <span className="rounded-full border px-2 py-0.5 text-xs font-normal text-muted-foreground">{status}</span> : null}
              </h3>
              <p className="mt-2 text-sm leading-relaxed text-muted-foreground">{body}</p>
            </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
