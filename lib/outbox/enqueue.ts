import type { EventType, StandardSchemaV1 } from "inngest";
import { randomUUID } from "node:crypto";
import { insertOutboxEvent } from "@/db/queries/outbox";
import { onCommit, type Tx } from "@/db/tenant";
import type { EventEnvelope } from "@/jobs/events";
import { getRequestContext } from "@/lib/request-context";
import { noteEnqueued } from "./scope";

type AnyEvent = EventType<string, StandardSchemaV1<Record<string, unknown>>>;
type DataOf<E extends AnyEvent> = StandardSchemaV1.InferInput<E["schema"]>;

/**
 * Writes `event` into the outbox inside the caller's transaction: it exists if and only if the business change
 * commits. `requestId` comes from the current request. Once the transaction committed (never before, never after a
 * rollback) the row goes to Inngest with event id = outbox id (see `withOutbox`); whatever is not accepted then
 * waits for the relay. Returns the event id.
 */
export async function enqueue<E extends AnyEvent>(tx: Tx, event: E, data: Omit<DataOf<E>, "requestId">): Promise<string> {
  const payload = { ...data, requestId: getRequestContext()?.requestId ?? randomUUID() };
  const parsed = await event.schema["~standard"].validate(payload);
  if (parsed.issues) {
    // A programming error, not bad user input: the caller's data does not match the event's declared schema.
    const where = parsed.issues.map((i) => `${(i.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join(".")}: ${i.message}`);
    throw new Error(`enqueue(${event.name}): ${where.join("; ")}`);
  }
  const value = parsed.value as EventEnvelope & Record<string, unknown>;
  const id = randomUUID();
  await insertOutboxEvent(tx, { id, orgId: value.orgId, name: event.name, data: value });
  onCommit(() => noteEnqueued({ id, name: event.name, data: value }));
  return id;
}
