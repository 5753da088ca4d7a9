import { listMemberEmails } from "@/db/queries/memberships";
import { findOrg } from "@/db/queries/orgs";
import {
  abandonDelivery,
  disableFailingEndpoint,
  findAttemptOutcome,
  findDeliveryWithEndpoint,
  insertAttempt,
  noteEndpointOutcome,
  updateDeliveryAfterAttempt,
} from "@/db/queries/webhooks";
import type { OrgRole, WebhookEndpoint } from "@/db/schema";
import { withTenant, type Tx } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { appUrl } from "@/lib/env";
import { log } from "@/lib/log";
import { can } from "@/lib/orgs/permissions";
import { withOutbox } from "@/lib/outbox";
import { asOrg } from "./as-org";
import { allowLoopbackUrls, disableAfterMs, RETRY_SCHEDULE_MS } from "./config";
import { sendWebhook } from "./send-webhook";
import { signedHeaders } from "./signing";

/** One attempt of one delivery generation; `attempt` counts from 1. */
export type AttemptRequest = { orgId: string; deliveryId: string; generation: number; attempt: number };

/** Whether the delivery is settled (delivered, given up, or no longer this run's to deliver), or when to try next. */
export type AttemptResult = { done: true; status: "succeeded" | "failed" | "superseded" } | { done: false; retryInMs: number };

/**
 * Makes attempt `attempt` of a delivery: signs the stored payload with the endpoint's secret (and the previous
 * one during a rotation's overlap), POSTs it, and records the attempt, the delivery's new state and the
 * endpoint's failing streak; an endpoint failing for longer than the window is disabled and its admins emailed.
 * The HTTP call happens between two transactions, never inside one. Safe to run twice: the attempt is
 * recorded once, and the first recording decides the result.
 */
export async function attemptDelivery(request: AttemptRequest): Promise<AttemptResult> {
  const { orgId, deliveryId, generation, attempt } = request;
  const found = await withTenant(asOrg(orgId), (tx) => findDeliveryWithEndpoint(tx, deliveryId));
  // Deleted with its endpoint, or replayed since: another run delivers it now.
  if (!found || found.delivery.generation !== generation) return { done: true, status: "superseded" };
  const { delivery, endpoint } = found;
  if (!endpoint.enabled) {
    await withTenant(asOrg(orgId), (tx) => abandonDelivery(tx, deliveryId, generation));
    return { done: true, status: "failed" };
  }

  const sentAt = new Date();
  const headers = signedHeaders(signingSecrets(endpoint, sentAt), delivery.messageId, sentAt, delivery.payload);
  const outcome = await sendWebhook(endpoint.url, headers, delivery.payload, { allowLoopback: allowLoopbackUrls() });
  const last = attempt >= RETRY_SCHEDULE_MS.length;
  const retryInMs = outcome.ok || last ? null : RETRY_SCHEDULE_MS[attempt]!;
  const nextRetryAt = retryInMs === null ? null : new Date(Date.now() + retryInMs);

  const ok = await withOutbox(() =>
    withTenant(asOrg(orgId), async (tx) => {
      const recorded = await insertAttempt(tx, {
        orgId,
        deliveryId,
        generation,
        attempt,
        statusCode: outcome.statusCode,
        succeeded: outcome.ok,
        error: outcome.error,
        responseExcerpt: outcome.responseExcerpt,
        durationMs: outcome.durationMs,
        nextRetryAt,
      });
      if (!recorded) return (await findAttemptOutcome(tx, deliveryId, generation, attempt)) ?? outcome.ok;
      await updateDeliveryAfterAttempt(tx, deliveryId, generation, {
        status: outcome.ok ? "succeeded" : last ? "failed" : "retrying",
        lastStatusCode: outcome.statusCode,
        nextAttemptAt: nextRetryAt,
        ...(outcome.ok ? { deliveredAt: new Date() } : {}),
      });
      const failingSince = await noteEndpointOutcome(tx, endpoint.id, outcome.ok);
      if (failingSince && Date.now() - failingSince.getTime() >= disableAfterMs()) await disableForFailing(tx, endpoint, failingSince);
      return outcome.ok;
    }),
  );
  if (ok) return { done: true, status: "succeeded" };
  return retryInMs === null ? { done: true, status: "failed" } : { done: false, retryInMs };
}

/** The secrets that sign now: the current one, and the previous one until its overlap ends. */
export function signingSecrets(endpoint: Pick<WebhookEndpoint, "secret" | "previousSecret" | "previousSecretExpiresAt">, at: Date): string[] {
  const previousValid = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at;
  return previousValid ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

const managers = (["owner", "admin", "member"] as OrgRole[]).filter((role) => can(role, "webhooks:manage"));

/** Disables an endpoint that has failed for the whole window, audits it and emails the people who manage webhooks. */
async function disableForFailing(tx: Tx, endpoint: WebhookEndpoint, failingSince: Date): Promise<void> {
  if (!(await disableFailingEndpoint(tx, endpoint.id))) return;
  const days = Math.round(disableAfterMs() / 86_400_000);
  await recordAudit(tx, endpoint.orgId, {
    action: "webhook_endpoint.auto_disabled",
    actorId: null,
    target: { type: "webhook_endpoint", id: endpoint.id },
    metadata: { url: endpoint.url, failingSince: failingSince.toISOString() },
  });
  const org = await findOrg(tx, endpoint.orgId);
  for (const to of await listMemberEmails(tx, endpoint.orgId, managers)) {
    await enqueueEmail(
      {
        to,
        template: "notice",
        props: {
          subject: `Webhook endpoint disabled in ${org?.name ?? "your organization"}`,
          heading: "We disabled a webhook endpoint",
          paragraphs: [
            `Every delivery to ${endpoint.url} has failed for ${days} days, so we stopped sending events to it.`,
            "Events that happen while it is disabled are not sent. Fix the receiver, enable the endpoint again and replay the deliveries you need from its log.",
          ],
          ...(org ? { action: { label: "Open the endpoint", url: `${appUrl()}/${org.slug}/settings/webhooks/${endpoint.id}` } } : {}),
          reason: `you manage webhooks of ${org?.name ?? "an organization"}`,
        },
      },
      { orgId: endpoint.orgId, actorId: null },
      tx,
    );
  }
  log.warn({ endpointId: endpoint.id, orgId: endpoint.orgId }, "webhooks: endpoint disabled after failing for the whole window");
}
