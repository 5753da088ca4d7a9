import { and, arrayContains, count, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  type NewWebhookEndpoint,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
} from "../schema";
import type { Tx } from "../tenant";

// Every query here runs inside withTenant: Row-Level Security confines it to the current organization.

/** Inserts an endpoint and returns it. */
export async function insertEndpoint(tx: Tx, row: NewWebhookEndpoint): Promise<WebhookEndpoint> {
  const [created] = await tx.insert(webhookEndpoints).values(row).returning();
  return created!;
}

/** The organization's endpoints, oldest first, with their deliveries of the last day that succeeded and that are failing. */
export function listEndpoints(tx: Tx) {
  // Spelled out: drizzle writes a lone table's columns unqualified, which inside the subquery would mean d's own.
  const count = (statuses: string) =>
    sql<number>`(select count(*)::int from webhook_deliveries d where d.endpoint_id = webhook_endpoints.id and d.created_at > now() - interval '24 hours' and d.status in (${sql.raw(statuses)}))`;
  return tx
    .select({ endpoint: webhookEndpoints, deliveredToday: count("'succeeded'"), failingToday: count("'retrying', 'failed'") })
    .from(webhookEndpoints)
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

/** How many endpoints the organization has (inside withTenant), enabled or not: what the plan limit counts. */
export async function countEndpoints(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(webhookEndpoints);
  return row?.n ?? 0;
}

/** One endpoint, or null. */
export async function findEndpoint(tx: Tx, id: string): Promise<WebhookEndpoint | null> {
  const [row] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row ?? null;
}

/** Changes an endpoint; returns it, or null when there is no such endpoint. */
export async function updateEndpointRow(tx: Tx, id: string, values: Partial<NewWebhookEndpoint>): Promise<WebhookEndpoint | null> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row ?? null;
}

/** Deletes an endpoint and (cascade) its deliveries and their attempts; returns it, or null. */
export async function deleteEndpointRow(tx: Tx, id: string): Promise<WebhookEndpoint | null> {
  const [row] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
  return row ?? null;
}

/** The enabled endpoints subscribed to `eventType`. */
export function findSubscribedEndpoints(tx: Tx, eventType: string): Promise<Array<{ id: string }>> {
  return tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.eventTypes, [eventType])));
}

type NewDelivery = Pick<WebhookDelivery, "orgId" | "endpointId" | "eventId" | "messageId" | "eventType" | "payload">;

/** Inserts deliveries, skipping any (endpoint, event) pair that already has one; returns those inserted. */
export function insertDeliveries(tx: Tx, rows: NewDelivery[]): Promise<Array<Pick<WebhookDelivery, "id" | "endpointId" | "generation">>> {
  if (rows.length === 0) return Promise.resolve([]);
  return tx
    .insert(webhookDeliveries)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId, generation: webhookDeliveries.generation });
}

/** A delivery with its endpoint, or null. */
export async function findDeliveryWithEndpoint(tx: Tx, id: string): Promise<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint } | null> {
  const [row] = await tx
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

/** An endpoint's deliveries, newest first, older than `before` (a delivery id) when given; at most `limit`. */
export async function listDeliveries(tx: Tx, endpointId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<WebhookDelivery[]> {
  const older = before
    ? or(lt(webhookDeliveries.createdAt, before.createdAt), and(eq(webhookDeliveries.createdAt, before.createdAt), lt(webhookDeliveries.id, before.id)))
    : undefined;
  return tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), older))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** The attempts of these deliveries, in order. */
export function listAttempts(tx: Tx, deliveryIds: string[]): Promise<WebhookAttempt[]> {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(webhookAttempts.createdAt, webhookAttempts.generation, webhookAttempts.attempt);
}

/** Starts a delivery over (a replay): a new generation, back to pending. Returns the new generation, or null. */
export async function restartDelivery(tx: Tx, id: string): Promise<WebhookDelivery | null> {
  const [row] = await tx
    .update(webhookDeliveries)
    .set({ generation: sql`${webhookDeliveries.generation} + 1`, status: "pending", nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(webhookDeliveries.id, id))
    .returning();
  return row ?? null;
}

/** Records one attempt; returns false when this attempt was already recorded (its step ran twice). */
export async function insertAttempt(tx: Tx, row: typeof webhookAttempts.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(webhookAttempts).values(row).onConflictDoNothing().returning({ id: webhookAttempts.id });
  return rows.length > 0;
}

/** Moves a delivery on after an attempt of `generation` (a newer generation, from a replay, is left alone). */
export async function updateDeliveryAfterAttempt(
  tx: Tx,
  id: string,
  generation: number,
  values: Pick<WebhookDelivery, "status" | "lastStatusCode" | "nextAttemptAt"> & { deliveredAt?: Date },
): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ ...values, attempts: sql`${webhookDeliveries.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.generation, generation)));
}

/** Ends a delivery without an attempt (its endpoint was turned off meanwhile). */
export async function abandonDelivery(tx: Tx, id: string, generation: number): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: "failed", nextAttemptAt: null, updatedAt: sql`now()` })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.generation, generation)));
}

/**
 * Notes an attempt's outcome on its endpoint: success ends a failing streak; a failure starts one (if none is
 * running). Returns the endpoint's streak start after the update. A success on a healthy endpoint writes nothing,
 * so concurrent deliveries to one endpoint never queue on its row.
 */
export async function noteEndpointOutcome(tx: Tx, id: string, ok: boolean): Promise<Date | null> {
  if (ok) {
    await tx.update(webhookEndpoints).set({ failingSince: null }).where(and(eq(webhookEndpoints.id, id), isNotNull(webhookEndpoints.failingSince)));
    return null;
  }
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, now())` })
    .where(eq(webhookEndpoints.id, id))
    .returning({ failingSince: webhookEndpoints.failingSince });
  return row?.failingSince ?? null;
}

/** Turns an endpoint off because it kept failing; returns whether this call did it (it was still on). */
export async function disableFailingEndpoint(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: "failing", updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/**
 * Makes `secret` the endpoint's signing secret and the current one its previous secret until `previousExpiresAt`,
 * in one statement: concurrent rotations queue on the row lock, and each sees the secret the last one set.
 */
export async function rotateEndpointSecret(tx: Tx, id: string, secret: string, previousExpiresAt: Date): Promise<WebhookEndpoint | null> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ secret, previousSecret: sql`${webhookEndpoints.secret}`, previousSecretExpiresAt: previousExpiresAt, updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row ?? null;
}

/** Whether a recorded attempt succeeded, or null when it was not recorded. */
export async function findAttemptOutcome(tx: Tx, deliveryId: string, generation: number, attempt: number): Promise<boolean | null> {
  const [row] = await tx
    .select({ succeeded: webhookAttempts.succeeded })
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.deliveryId, deliveryId), eq(webhookAttempts.generation, generation), eq(webhookAttempts.attempt, attempt)));
  return row?.succeeded ?? null;
}

/** Deletes settled deliveries (with their attempts) created before `before`, across organizations (run as the system). */
export async function deleteSettledDeliveriesBefore(tx: Tx, before: Date): Promise<number> {
  const rows = await tx
    .delete(webhookDeliveries)
    .where(and(lt(webhookDeliveries.createdAt, before), inArray(webhookDeliveries.status, ["succeeded", "failed"])))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
