// npm run stripe:sync - creates or updates Stripe's products and prices from lib/plans.ts (idempotent).
import { requireStripe, stripeClient } from "@/lib/billing/stripe";
import { syncCatalog } from "@/lib/billing/catalog";
import { runCli } from "./cli";

await runCli("stripe:sync", async () => {
  if (!stripeClient()) throw new Error("STRIPE_SECRET_KEY is not set: use a test key from https://dashboard.stripe.com/test/apikeys");
  for (const line of await syncCatalog(requireStripe())) console.log(`stripe:sync: ${line}`);
});
