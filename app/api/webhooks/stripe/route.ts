import { receiveStripeEvent } from "@/lib/billing/receive-stripe-event";
import { route } from "@/lib/route";

// POST /api/webhooks/stripe - Stripe's events: verify on the raw body, record once, enqueue, answer 200
export const POST = route({}, async ({ request }) => receiveStripeEvent(await request.text(), request.headers.get("stripe-signature")));
