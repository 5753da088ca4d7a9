import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { closeDatabase } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { freePort } from "@/test/serve-route-handlers";

// Nothing listens here: the job transport is down for this test.
stubEnv("INNGEST_DEV", `http://127.0.0.1:${await freePort()}`);
stubEnv("OUTBOX_SEND_TIMEOUT_MS", "1000");
const { outboxRelay } = await import("./outbox-relay");

describe("outbox-relay", () => {
  afterAll(async () => {
    await closeDatabase();
    unstubAllEnvs();
  });

  it("tries the events left unsent and, with the transport down, keeps them with the error", async () => {
    const [row] = await withSystem("test: stale outbox row", (tx) =>
      tx
        .insert(outboxEvents)
        .values({ name: "test/relay.checked", data: { orgId: null, actorId: null, requestId: "r" }, createdAt: new Date(Date.now() - 60_000) })
        .returning(),
    );
    const t = new InngestTestEngine({ function: outboxRelay, events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] });
    const { result } = await t.execute();
    expect(result).toMatchObject({ sent: 0 });
    expect((result as { failed: number }).failed).toBeGreaterThanOrEqual(1);
    const [after] = await withSystem("test: read outbox", (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.id, row!.id)));
    expect(after).toMatchObject({ sentAt: null, attempts: 1 });
  });
});
