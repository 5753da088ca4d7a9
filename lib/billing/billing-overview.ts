import { countSeatsTaken, findSubscription, listInvoices } from "@/db/queries/billing";
import { countProjects } from "@/db/queries/projects";
import type { Tx } from "@/db/tenant";
import type { OrgContext } from "@/lib/orgs/membership";
import { can } from "@/lib/orgs/permissions";
import { entitlementsIn } from "./entitlements";

/**
 * What the billing page shows (one withTenant transaction): the subscription, the entitlements it gives, usage
 * against the limits, and, for those who manage billing, the invoices.
 */
export async function loadBillingOverview(tx: Tx, org: OrgContext) {
  const manage = can(org.role, "billing:manage");
  const subscription = await findSubscription(tx, org.orgId);
  const entitlements = await entitlementsIn(tx, org.orgId);
  const seats = await countSeatsTaken(tx, org.orgId, new Date());
  const projects = await countProjects(tx);
  const invoices = manage ? await listInvoices(tx) : [];
  return { manage, subscription, entitlements, usage: { members: seats.members, pendingInvitations: seats.pending, projects }, invoices };
}

export type BillingOverview = Awaited<ReturnType<typeof loadBillingOverview>>;
