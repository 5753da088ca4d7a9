import { getRequestSession } from "@/lib/auth/session";
import { appUrl } from "@/lib/env";
import { checkoutSchema, checkoutStartDestination, checkoutStartPath } from "@/lib/billing/checkout";
import { route } from "@/lib/route";

// GET /billing/checkout?plan=pro&interval=month - "Start Pro": sign in (or up) first, then straight into Stripe Checkout
export const GET = route({ query: checkoutSchema }, async ({ query, request }) => {
  const session = await getRequestSession(request);
  const to = session ? await checkoutStartDestination(session, query, appUrl()) : `/sign-up?callbackUrl=${encodeURIComponent(checkoutStartPath(query))}`;
  return Response.redirect(new URL(to, request.url), 303);
});
