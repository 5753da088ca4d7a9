import "server-only";
import type Stripe from "stripe";
import { insertStripeEvent } from "@/db/queries/billing";
import { withSystem } from "@/db/tenant";
import { stripeEventReceived } from "@/jobs/events";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { enqueue } from "@/lib/outbox";
import { stripeClient } from "./stripe";

/** The Stripe customer an event is about: its object's `customer`, or the object itself for customer events. */
export function customerOf(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: string; id?: string; customer?: string | { id: string } | null };
  if (object.object === "customer") return object.id ?? null;
  if (typeof object.customer === "string") return object.customer;
  return object.customer?.id ?? null;
}

/**
 * Accepts one delivery of Stripe's webhook: verifies its signature on the raw bytes (`bad_request` and nothing
 * stored otherwise), then in one transaction records the event id (a redelivery hits the primary key and stops
 * there) and enqueues its processing through the outbox. Nothing else happens in the request: the
 * process-stripe-event job does the work. Returns whether this delivery was new.
 */
export async function receiveStripeEvent(rawBody: string, signature: string | null): Promise<{ received: true; duplicate: boolean }> {
  const stripe = stripeClient();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) throw new AppError("not_found", "Billing is not connected.");
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch (err) {
    log.warn({ reason: (err as Error).message.split("\n")[0] }, "stripe webhook: signature verification failed");
    throw new AppError("bad_request", "The Stripe-Signature header does not verify.");
  }
  const customerId = customerOf(event);
  const objectId = (event.data.object as { id?: string }).id ?? null;
  const inserted = await withSystem("stripe webhook: record event", async (tx) => {
    if (!(await insertStripeEvent(tx, { id: event.id, type: event.type, customerId }))) return false;
    // An event about no customer (an account-level event) has no subscription to sync: recorded, nothing to do.
    if (customerId) await enqueue(tx, stripeEventReceived, { orgId: null, actorId: null, eventId: event.id, type: event.type, customerId, objectId });
    return true;
  });
  return { received: true, duplicate: !inserted };
}
