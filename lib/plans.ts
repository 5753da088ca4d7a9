/**
 * A subscription plan: what it costs and what it allows. The one table: the pricing page, entitlement checks and
 * `npm run stripe:sync` (which creates Stripe's products and prices from it) all read it.
 */
export type Plan = {
  id: "free" | "pro" | "business";
  name: string;
  tagline: string;
  /** Monthly price in US cents (per member when `perSeat`); yearly billing is ten months' worth. */
  monthlyPriceCents: number;
  /** Priced per member: the subscription's quantity follows the organization's member count. */
  perSeat?: boolean;
  /** Free trial days of a first checkout. */
  trialDays?: number;
  /** `webhookEndpoints`: 0 means the plan has no outgoing webhooks (nothing is delivered, no endpoint can be added). */
  limits: { members: number | null; projects: number | null; apiRequestsPerMonth: number; auditLogDays: number; webhookEndpoints: number | null };
  features: string[];
  highlighted?: boolean;
};

/** Every plan, cheapest first. `null` limits mean unlimited. */
export const plans: readonly Plan[] = [
  {
    id: "free",
    name: "Free",
    tagline: "For side projects and trying Keel out.",
    monthlyPriceCents: 0,
    limits: { members: 3, projects: 3, apiRequestsPerMonth: 10_000, auditLogDays: 7, webhookEndpoints: 0 },
    features: ["Email and password, magic link sign-in", "Organizations with roles", "Audit log", "Community support"],
  },
  {
    id: "pro",
    name: "Pro",
    tagline: "For teams shipping a product to paying customers.",
    monthlyPriceCents: 2_900,
    trialDays: 14,
    limits: { members: 20, projects: null, apiRequestsPerMonth: 1_000_000, auditLogDays: 90, webhookEndpoints: 10 },
    // Features only: the limits above are listed beside them and are not repeated here.
    features: ["Everything in Free", "Outgoing webhooks", "Email support"],
    highlighted: true,
  },
  {
    id: "business",
    name: "Business",
    tagline: "For companies with security reviews and many teams.",
    monthlyPriceCents: 1_900,
    perSeat: true,
    trialDays: 14,
    limits: { members: null, projects: null, apiRequestsPerMonth: 10_000_000, auditLogDays: 365, webhookEndpoints: null },
    features: ["Everything in Pro", "Priority support"],
  },
];

/** The plan with this id; unknown ids fall back to Free so a bad row never grants more. */
export function planById(id: string): Plan {
  return plans.find((p) => p.id === id) ?? plans[0]!;
}

/** The better (higher) of two plans, unknown or absent counting as Free: a comp plan beside what billing grants. */
export function betterPlan(a: string, b: string | null | undefined): Plan {
  const [pa, pb] = [planById(a), planById(b ?? "free")];
  return plans.indexOf(pb) > plans.indexOf(pa) ? pb : pa;
}

/** How often a paid plan is billed. */
export type BillingInterval = "month" | "year";
export const billingIntervals: readonly BillingInterval[] = ["month", "year"];

/** The plans that are paid for (checkout, Stripe's catalog). */
export const paidPlans = plans.filter((p) => p.monthlyPriceCents > 0);

/** The price in cents of one unit (one member for per-seat plans) for a billing interval: a year is ten months. */
export function unitPriceCents(plan: Plan, interval: BillingInterval): number {
  return interval === "year" ? plan.monthlyPriceCents * 10 : plan.monthlyPriceCents;
}

/** The Stripe price `lookup_key` of a plan and interval (`keel_pro_monthly`): prices are found by it, never by id. */
export function priceLookupKey(planId: Plan["id"], interval: BillingInterval): string {
  return `keel_${planId}_${interval === "year" ? "yearly" : "monthly"}`;
}

/** The plan and interval of a price lookup key, or null for a price Keel did not create. */
export function planOfLookupKey(key: string | null | undefined): { plan: Plan; interval: BillingInterval } | null {
  const match = /^keel_([a-z]+)_(monthly|yearly)$/.exec(key ?? "");
  const plan = match && paidPlans.find((p) => p.id === match[1]);
  return plan ? { plan, interval: match[2] === "yearly" ? "year" : "month" } : null;
}

/** Monthly recurring revenue in cents of `seats` units of a plan at an interval (a yearly price counts a twelfth). */
export function mrrCents(plan: Plan, interval: BillingInterval, seats: number): number {
  const units = plan.perSeat ? Math.max(1, seats) : 1;
  return interval === "year" ? Math.round((unitPriceCents(plan, "year") * units) / 12) : unitPriceCents(plan, "month") * units;
}

/** "$29" for 2900 cents; whole dollars only when there are no cents. */
export function formatPrice(cents: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}
