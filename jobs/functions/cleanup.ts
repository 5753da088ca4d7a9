import { deleteIdempotencyKeysBefore } from "@/db/queries/idempotency";
import { deleteSentBefore } from "@/db/queries/outbox";
import {
  deleteAuditEntriesPastRetention,
  deleteExpiredInvitations,
  deleteExpiredSessions,
  deleteExpiredVerificationTokens,
} from "@/db/queries/maintenance";
import { deleteSettledDeliveriesBefore } from "@/db/queries/webhooks";
import { withSystem } from "@/db/tenant";
import { planById, plans } from "@/lib/plans";
import { inngest } from "../client";

const DAY = 86_400_000;

/**
 * Daily: removes expired sessions, sign-in tokens and invitations, outbox rows delivered a week ago, and audit
 * entries older than each organization's plan keeps them, webhook deliveries settled over 30 days ago, and stored
 * API responses (idempotency keys) older than a day.
 */
export const cleanup = inngest.createFunction(
  { id: "cleanup", triggers: [{ cron: "TZ=UTC 17 3 * * *" }], retries: 3 },
  async ({ step }) => {
    // Each step is its own transaction and is safe to run twice: deleting what is already gone deletes nothing.
    const now = new Date();
    const sessions = await step.run("delete-expired-sessions", () =>
      withSystem("cleanup: expired sessions of every user", (tx) => deleteExpiredSessions(tx, now)),
    );
    const tokens = await step.run("delete-expired-verification-tokens", () =>
      withSystem("cleanup: expired verification tokens", (tx) => deleteExpiredVerificationTokens(tx, now)),
    );
    const invitations = await step.run("delete-expired-invitations", () =>
      withSystem("cleanup: expired invitations of every organization", (tx) => deleteExpiredInvitations(tx, now)),
    );
    const outbox = await step.run("delete-delivered-outbox-events", () =>
      withSystem("cleanup: delivered outbox events", (tx) => deleteSentBefore(tx, new Date(now.getTime() - 7 * DAY))),
    );
    const audit = await step.run("delete-audit-entries-past-retention", () =>
      withSystem("cleanup: audit entries past each organization's plan retention", (tx) =>
        deleteAuditEntriesPastRetention(
          tx,
          Object.fromEntries(plans.map((p) => [p.id, p.limits.auditLogDays])),
          // An unknown plan id is treated as Free (planById's rule), so a bad row never keeps more.
          planById("").limits.auditLogDays,
          now,
        ),
      ),
    );
    const webhookDeliveries = await step.run("delete-old-webhook-deliveries", () =>
      withSystem("cleanup: settled webhook deliveries of every organization", (tx) => deleteSettledDeliveriesBefore(tx, new Date(now.getTime() - 30 * DAY))),
    );
    const idempotencyKeys = await step.run("delete-expired-idempotency-keys", () =>
      withSystem("cleanup: stored API responses past their 24 hours, of every organization", (tx) => deleteIdempotencyKeysBefore(tx, new Date(now.getTime() - DAY))),
    );
    return { sessions, tokens, invitations, outbox, audit, webhookDeliveries, idempotencyKeys };
  },
);
