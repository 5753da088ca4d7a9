import { Check } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { formatPrice, unitPriceCents, type BillingInterval, type Plan } from "@/lib/plans";
import { cn } from "@/lib/utils";

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** A plan's limits in words: "3 members", "Unlimited projects", "10,000 API requests / month", "7-day audit log". */
function limitsInWords(limits: Plan["limits"]): string[] {
  const days = limits.auditLogDays;
  return [
    limits.members === null ? "Unlimited members" : count(limits.members, "member", "members"),
    limits.projects === null ? "Unlimited projects" : count(limits.projects, "project", "projects"),
    `${count(limits.apiRequestsPerMonth, "API request", "API requests")} / month`,
    days % 365 === 0 ? `${days / 365}-year audit log` : `${days}-day audit log`,
  ];
}

/**
 * One plan on the pricing page at a billing interval; the `highlighted` plan gets the emphasis and the primary
 * button. `href` is where choosing it goes (sign-up, or straight into checkout); `current` marks the viewer's plan.
 */
export function PlanCard({ plan, interval = "month", href, current = false }: { plan: Plan; interval?: BillingInterval; href: string; current?: boolean }) {
  const titleId = `plan-${plan.id}-title`;
  const free = plan.monthlyPriceCents === 0;
  const per = interval === "year" ? "year" : "month";

  return (
    <Card
      role="group"
      aria-labelledby={titleId}
      className={cn(
        "relative gap-0 py-0",
        plan.highlighted && "border-primary shadow-lg shadow-primary/10 ring-1 ring-primary",
      )}
    >
      <CardHeader className="gap-0 pt-6 pb-6 lg:pt-7">
        <div className="flex min-h-6 items-center justify-between gap-3">
          <h2 id={titleId} className="text-lg font-semibold tracking-tight">
            {plan.name}
          </h2>
          {current ? <Badge variant="secondary">Your plan</Badge> : plan.highlighted ? <Badge>Most popular</Badge> : null}
        </div>
        <CardDescription className="mt-2 leading-relaxed lg:min-h-[2lh]">{plan.tagline}</CardDescription>
        <p className="mt-6 flex items-baseline gap-1.5">
          <span className="text-4xl font-semibold tracking-tight">{formatPrice(unitPriceCents(plan, interval))}</span>
          <span className="text-sm text-muted-foreground">{plan.perSeat ? `per member / ${per}` : `/ ${per}`}</span>
        </p>
        <p className="mt-1 text-sm text-muted-foreground">
          {free
            ? "No card required"
            : interval === "year"
              ? `${formatPrice(unitPriceCents(plan, "month"))} / month billed monthly`
              : `or ${formatPrice(unitPriceCents(plan, "year"))} / year${plan.trialDays ? ` · ${plan.trialDays}-day free trial` : ""}`}
        </p>
        {current ? (
          <Button variant="outline" className="mt-6 w-full" disabled>
            Current plan
          </Button>
        ) : (
          <Button asChild variant={plan.highlighted ? "default" : "outline"} className="mt-6 w-full">
            {/* Checkout is a route that sends the browser on to Stripe: a document navigation, never a prefetch or a
                client-side fetch (a prefetch would open a checkout session, and the fetch would follow the redirect to
                another origin, which connect-src refuses). */}
            {href.startsWith("/billing/") ? (
              <a href={href}>{free ? "Start for free" : `Start ${plan.name}`}</a>
            ) : (
              <Link href={href}>{free ? "Start for free" : `Start ${plan.name}`}</Link>
            )}
          </Button>
        )}
      </CardHeader>
      <CardContent className="flex-1 border-t py-6">
        <h3 className="sr-only">Limits</h3>
        <ul className="grid gap-2 text-sm">
          {limitsInWords(plan.limits).map((limit) => (
            <li key={limit} className="flex items-center gap-2.5 font-medium">
              <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-primary" />
              {limit}
            </li>
          ))}
        </ul>
        <h3 className="sr-only">Features</h3>
        <ul className="mt-5 grid gap-2.5 border-t pt-5 text-sm">
          {plan.features.map((feature) => (
            <li key={feature} className="flex gap-2.5">
              <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
              <span className="text-muted-foreground">{feature}</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
