import { listMemberEmails } from "@/db/queries/memberships";
import { findOrg } from "@/db/queries/orgs";
import { withTenant } from "@/db/tenant";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { appUrl } from "@/lib/env";
import { rolePermissions } from "@/lib/orgs/permissions";
import { withOutbox } from "@/lib/outbox";
import { asOrg } from "@/lib/webhooks/as-org";
import { billingPath } from "./limits";

/** The roles that may manage billing, from the one role-to-permission table. */
const billingRoles = (Object.keys(rolePermissions) as Array<keyof typeof rolePermissions>).filter((r) => rolePermissions[r].includes("billing:manage"));

type Notice = "payment_failed" | "trial_will_end" | "receipt";

function noticeFor(kind: Notice, orgName: string, url: string, detail: { trialEnd?: string | null; invoiceNumber?: string; amount?: string; invoiceUrl?: string }) {
  switch (kind) {
    case "payment_failed":
      return {
        heading: `Payment failed for ${orgName}`,
        paragraphs: [
          `We could not charge the card on file for ${orgName}'s subscription. Stripe will try again over the next days.`,
          "Update the payment method to keep your plan: until then your organization keeps its features for a short grace period.",
        ],
        action: { label: "Update payment method", url },
        reason: `you manage billing for ${orgName}`,
      };
    case "trial_will_end":
      return {
        heading: `${orgName}'s trial ends soon`,
        paragraphs: [
          `The free trial of ${orgName} ends${detail.trialEnd ? ` on ${new Date(detail.trialEnd).toUTCString().slice(0, 16)}` : " in 3 days"}.`,
          "Add a payment method to keep your plan; without one the organization moves to the Free plan and keeps all of its data.",
        ],
        action: { label: "Review billing", url },
        reason: `you manage billing for ${orgName}`,
      };
    case "receipt":
      return {
        heading: `Receipt ${detail.invoiceNumber ?? ""} for ${orgName}`.replace("  ", " "),
        subject: `Your Keel receipt ${detail.invoiceNumber ?? ""}`.trim(),
        paragraphs: [`Thank you: we received ${detail.amount ?? "your payment"} for ${orgName}.`, "The invoice PDF is on the billing page."],
        action: { label: "Download invoice", url: detail.invoiceUrl ?? url },
        reason: `you manage billing for ${orgName}`,
      };
  }
}

/**
 * Emails every member who may manage billing (owners) about a billing event, through the outbox in one
 * transaction of the organization. Returns how many were queued.
 */
export async function notifyBillingManagers(orgId: string, kind: Notice, detail: Parameters<typeof noticeFor>[3] = {}): Promise<number> {
  return withOutbox(() =>
    withTenant(asOrg(orgId), async (tx) => {
      const org = await findOrg(tx, orgId);
      if (!org) return 0;
      const emails = await listMemberEmails(tx, orgId, billingRoles);
      const props = noticeFor(kind, org.name, `${appUrl()}${billingPath(org.slug)}`, detail);
      for (const to of emails) await enqueueEmail({ to, template: "notice", props }, { orgId, actorId: null }, tx);
      return emails.length;
    }),
  );
}
