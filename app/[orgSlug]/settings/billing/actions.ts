"use server";

import { z } from "zod";
import { userAction } from "@/lib/action";
import { appUrl } from "@/lib/env";
import { checkoutSchema, openPortal, startCheckout } from "@/lib/billing/checkout";
import { inOrg, userPrincipal } from "@/lib/orgs/in-org";

const orgSlug = { orgSlug: z.string() };

// Both call Stripe, so they run outside any transaction (userAction, then inOrg): no lock is held across the network.

/** Upgrade: off to Stripe Checkout (or, with a subscription already, to the Customer Portal). */
export const startCheckoutAction = userAction({ schema: checkoutSchema.extend(orgSlug), redirectTo: (url: string) => url }, async ({ input, session }) => {
  const org = await inOrg(userPrincipal(session), input.orgSlug, "billing:manage");
  return startCheckout(org, input, { email: session.user.email, origin: appUrl() });
});

/** "Manage billing": off to the Stripe Customer Portal (audited). */
export const openPortalAction = userAction({ schema: z.object(orgSlug), redirectTo: (url: string) => url }, async ({ input, session }) => {
  const org = await inOrg(userPrincipal(session), input.orgSlug, "billing:manage");
  return openPortal(org, appUrl());
});
