import "server-only";
import type Stripe from "stripe";
import { log } from "@/lib/log";
import { syncCustomer } from "./sync-customer";

/** One repaired row: the organization, its customer, and the fields that had drifted from Stripe. */
export type Repair = { orgId: string | null; customerId: string; fields: string[]; ledger: string | null };

/**
 * Runs the billing sync for each customer and logs every row it had to repair (a webhook Keel never received, a
 * hand edit): the daily reconcile-billing job, a batch at a time.
 */
export async function reconcileCustomers(stripe: Stripe, customerIds: string[]): Promise<Repair[]> {
  const repairs: Repair[] = [];
  for (const customerId of customerIds) {
    const result = await syncCustomer(stripe, customerId, { source: "reconcile" });
    if (result.changed.length === 0) continue;
    const repair = { orgId: result.orgId, customerId, fields: result.changed, ledger: result.ledger };
    log.warn(repair, "reconcile-billing: repaired a subscription that had drifted from Stripe");
    repairs.push(repair);
  }
  return repairs;
}
