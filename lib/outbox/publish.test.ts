// Handing committed outbox events to the job queue: only what committed goes out, and the events of units of work
// finishing together go out together (one send and one "mark sent" for many requests, not one each).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { stubEnv, unstubAllEnvs } from "@/test/env";

/** A stand-in for Inngest's event API: records each send; `hold` keeps the first one waiting until released. */
const sends: Array<Array<{ id: string }>> = [];
let hold: Promise<void> | null = null;
const api = http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
  req.on("end", async () => {
    const events = JSON.parse(body) as Array<{ id: string }>;
    sends.push(events);
    if (hold && sends.length === 1) await hold;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
  });
});
await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
stubEnv("INNGEST_DEV", `http://127.0.0.1:${(api.address() as AddressInfo).port}`);

const { enqueue, withOutbox } = await import("@/lib/outbox");
const { stripeEventReceived } = await import("@/jobs/events");

afterAll(async () => {
  await closeDatabase();
  await new Promise<void>((resolve) => api.close(() => resolve()));
  unstubAllEnvs();
});

beforeEach(() => {
  sends.length = 0;
  hold = null;
});

const data = (tag: string) => ({ orgId: null, actorId: null, eventId: `evt_${tag}`, type: "test.event", customerId: `cus_${tag}`, objectId: null });
const sentIds = () => sends.flat().map((e) => e.id);
const rowsOf = (ids: string[]) => withSystem("test: read outbox", (tx) => tx.select().from(outboxEvents).where(inArray(outboxEvents.id, ids)));

describe("withOutbox", () => {
  it("hands the events of units of work finishing together to the queue in one send, each marked sent", async () => {
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const ids: string[] = [];
    // The first unit's send is held; the other 19 commit meanwhile and must ride together in the next send.
    const first = withOutbox(() => withSystem("test: enqueue", async (tx) => void ids.push(await enqueue(tx, stripeEventReceived, data("first")))));
    await waitFor(() => sends.length === 1);
    const rest = Array.from({ length: 19 }, (_, i) =>
      withOutbox(() => withSystem("test: enqueue", async (tx) => void ids.push(await enqueue(tx, stripeEventReceived, data(`rest-${i}`))))),
    );
    await waitFor(async () => (await rowsOf(ids)).length === 20);
    release();
    await Promise.all([first, ...rest]);
    expect(sends.length).toBe(2);
    expect(sentIds().sort()).toEqual([...ids].sort());
    expect((await rowsOf(ids)).every((row) => row.sentAt instanceof Date)).toBe(true);
  });

  it("never hands over an event whose transaction rolled back, even when the failing statement's error was swallowed", async () => {
    let id = "";
    await withOutbox(() =>
      withSystem("test: aborted", async (tx) => {
        id = await enqueue(tx, stripeEventReceived, data("aborted"));
        // Postgres aborts the transaction; `commit` then answers ROLLBACK without an error.
        await tx.execute(sql`select 1 / 0`).catch(() => {});
      }),
    );
    expect(await rowsOf([id])).toEqual([]);
    expect(sentIds()).not.toContain(id);
  });

  it("drops the events of a savepoint that rolled back and keeps the rest of the transaction's", async () => {
    let dropped = "";
    let kept = "";
    await withOutbox(() =>
      withSystem("test: savepoint", async (tx) => {
        await tx
          .transaction(async (inner) => {
            dropped = await enqueue(inner, stripeEventReceived, data("savepoint"));
            throw new Error("inner work failed");
          })
          .catch(() => {});
        kept = await enqueue(tx, stripeEventReceived, data("outer"));
      }),
    );
    expect(sentIds()).toEqual([kept]);
    expect((await rowsOf([dropped, kept])).map((r) => r.id)).toEqual([kept]);
  });

  it("publishes what committed even when the unit of work failed afterwards", async () => {
    let id = "";
    await expect(
      withOutbox(async () => {
        await withSystem("test: committed", async (tx) => void (id = await enqueue(tx, stripeEventReceived, data("committed"))));
        throw new Error("a later step failed");
      }),
    ).rejects.toThrow("a later step failed");
    expect(sentIds()).toEqual([id]);
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
