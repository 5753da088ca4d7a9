import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

let client: Stripe | null | undefined;

/**
 * The one Stripe client (server only), or null when billing is off (no STRIPE_SECRET_KEY): then every organization
 * is on the Free plan and the billing page explains how to connect Stripe. The SDK pins the API version of its
 * release, which is why `stripe` is pinned exactly in package.json. UNSAFE_STRIPE_API_URL (tests only) points it at
 * the local fake.
 */
export function stripeClient(): Stripe | null {
  if (client !== undefined) return client;
  const { STRIPE_SECRET_KEY, UNSAFE_STRIPE_API_URL } = env();
  if (!STRIPE_SECRET_KEY) return (client = null);
  const fake = UNSAFE_STRIPE_API_URL ? new URL(UNSAFE_STRIPE_API_URL) : null;
  client = new Stripe(STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    appInfo: { name: "Keel" },
    ...(fake ? { host: fake.hostname, port: Number(fake.port || 80), protocol: fake.protocol.replace(":", "") as "http" | "https" } : {}),
  });
  return client;
}

/** The Stripe client, for code that only runs when billing is on; throws otherwise (a programming error). */
export function requireStripe(): Stripe {
  const stripe = stripeClient();
  if (!stripe) throw new Error("billing is off: STRIPE_SECRET_KEY is not set");
  return stripe;
}

/** Whether Stripe is connected (both keys set). */
export function billingEnabled(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

/** Forgets the client, so the next call reads the environment again (tests that change it). */
export function resetStripeClient(): void {
  client = undefined;
}
