/** A subscription plan: what it costs and what it allows. The pricing page and entitlement checks read this table. */
export type Plan = {
  id: "free" | "pro" | "business";
  name: string;
  tagline: string;
  /** Monthly price in US cents; yearly billing is ten months' worth. */
  monthlyPriceCents: number;
  limits: { members: number | null; projects: number | null; apiRequestsPerMonth: number; auditLogDays: number };
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
    limits: { members: 3, projects: 3, apiRequestsPerMonth: 10_000, auditLogDays: 7 },
    features: ["Email and password, magic link sign-in", "Organizations with roles", "Audit log", "Community support"],
  },
  {
    id: "pro",
    name: "Pro",
    tagline: "For teams shipping a product to paying customers.",
    monthlyPriceCents: 2_900,
    limits: { members: 20, projects: null, apiRequestsPerMonth: 1_000_000, auditLogDays: 90 },
    // Features only: the limits above are listed beside them and are not repeated here.
    features: ["Everything in Free", "Outgoing webhooks", "Email support"],
    highlighted: true,
  },
  {
    id: "business",
    name: "Business",
    tagline: "For companies with security reviews and many teams.",
    monthlyPriceCents: 9_900,
    limits: { members: null, projects: null, apiRequestsPerMonth: 10_000_000, auditLogDays: 365 },
    features: ["Everything in Pro", "Priority support"],
  },
];

/** The plan with this id; unknown ids fall back to Free so a bad row never grants more. */
export function planById(id: string): Plan {
  return plans.find((p) => p.id === id) ?? plans[0]!;
}

/** "$29" for 2900 cents; whole dollars only when there are no cents. */
export function formatPrice(cents: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}
