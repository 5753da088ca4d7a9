// The full path of a job: outbox -> Inngest protocol -> the real /api/inngest route -> function -> steps,
// with Keel's dev executor standing in for Inngest. The job transport is "down" until the executor starts.
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { closeDatabase } from "@/db/client";
import { captureLogs } from "@/lib/log";
import { outboxEvents, sessions, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { latestEmailTo } from "@/db/queries/dev-emails";
import { EmailDeliveryError, getEmailTransport } from "@/lib/email/transports";
import { startDevExecutor, type DevExecutor, type RunSummary } from "@/scripts/inngest-dev";
import { freePort, serveRouteHandlers } from "@/test/serve-route-handlers";

// The client reads INNGEST_DEV when it is created: point it at a port where nothing listens yet.
const executorPort = await freePort();
stubEnv("INNGEST_DEV", `http://127.0.0.1:${executorPort}`);
stubEnv("OUTBOX_SEND_TIMEOUT_MS", "1500");
stubEnv("EMAIL_TRANSPORT", "dev-mailbox");

const route = await import("@/app/api/inngest/route");
const { enqueue, withOutbox, relayOutbox } = await import("@/lib/outbox");
const { emailSendRequested } = await import("@/jobs/events");

const notice = (to: string) => ({ to, template: "notice" as const, props: { heading: "Hello from a test", paragraphs: ["The job ran."] } });

/** Commits an email event through the outbox, as a request would; returns its event id. */
function requestEmail(to: string): Promise<string> {
  return withOutbox(() =>
    withSystem("test: enqueue", (tx) => enqueue(tx, emailSendRequested, { orgId: null, actorId: null, email: notice(to) })),
  );
}

const outboxRow = (id: string) =>
  withSystem("test: read outbox", async (tx) => (await tx.select().from(outboxEvents).where(eq(outboxEvents.id, id)))[0]);

describe("jobs through the real route and the dev executor", () => {
  let app: Awaited<ReturnType<typeof serveRouteHandlers>>;
  let executor: DevExecutor;
  const runsOf = (eventId: string) => executor.runs().filter((r) => r.eventId === eventId);
  const finished = (eventId: string, fn = "keel-send-email") =>
    executor.waitForRun((r: RunSummary) => r.eventId === eventId && r.functionId === fn && (r.status === "completed" || r.status === "failed"), 15_000);

  let undelivered: string;
  const undeliveredTo = `down-${randomUUID()}@example.test`;

  beforeAll(async () => {
    app = await serveRouteHandlers(route);
    // Written while the job transport is down.
    undelivered = await requestEmail(undeliveredTo);
    executor = await startDevExecutor({ serveUrl: `${app.url}/api/inngest`, port: executorPort, baseBackoffMs: 20, syncIntervalMs: 0, log: () => {} });
    await executor.sync();
  }, 30_000);

  afterAll(async () => {
    await executor?.stop();
    await app?.close();
    await closeDatabase();
    unstubAllEnvs();
  });

  it("commits the operation and keeps its event unsent while the job transport is down", async () => {
    const row = await outboxRow(undelivered);
    expect(row).toMatchObject({ name: "email/send.requested", sentAt: null, attempts: 1 });
    expect(row?.lastError).toBeTruthy();
    expect(await latestEmailTo(undeliveredTo)).toBeNull();
  });

  it("leaves no event behind a rolled-back transaction", async () => {
    let id = "";
    await expect(
      withOutbox(() =>
        withSystem("test: rolled back", async (tx) => {
          id = await enqueue(tx, emailSendRequested, { orgId: null, actorId: null, email: notice("never@example.test") });
          throw new Error("the business write failed");
        }),
      ),
    ).rejects.toThrow("the business write failed");
    expect(id).not.toBe("");
    expect(await outboxRow(id)).toBeUndefined();
  });

  it("delivers the waiting event exactly once when the transport returns and the relay runs", async () => {
    const first = await relayOutbox({ minAgeMs: 0 });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const run = await finished(undelivered);
    expect(run.status).toBe("completed");
    expect((await outboxRow(undelivered))?.sentAt).toBeInstanceOf(Date);
    // A second relay, and a resend of the same event id, change nothing.
    const row = (await outboxRow(undelivered))!;
    expect((await relayOutbox({ minAgeMs: 0 })).sent).toBe(0);
    expect((await outboxRow(undelivered))?.sentAt).toEqual(row.sentAt);
    const { inngest } = await import("@/jobs/client");
    await inngest.send({ id: row.id, name: row.name, data: row.data });
    await new Promise((r) => setTimeout(r, 300));
    expect(runsOf(undelivered)).toHaveLength(1);
    const email = await latestEmailTo(undeliveredTo);
    expect(email?.subject).toContain("Hello from a test");
  });

  it("runs an event's function and lands the email in the dev mailbox with HTML and text", async () => {
    const to = `live-${randomUUID()}@example.test`;
    const id = await requestEmail(to);
    expect((await finished(id)).status).toBe("completed");
    expect((await outboxRow(id))?.sentAt).toBeInstanceOf(Date);
    const email = await latestEmailTo(to);
    expect(email?.html).toContain("<html");
    expect(email?.text).toContain("The job ran.");
  });

  it("retries a step that fails once, and it then succeeds", async () => {
    const transport = getEmailTransport();
    const send = vi.spyOn(transport, "send").mockRejectedValueOnce(new EmailDeliveryError("email: smtp 421 try later", "smtp", "unavailable", false));
    try {
      const to = `retry-${randomUUID()}@example.test`;
      const id = await requestEmail(to);
      const run = await finished(id);
      expect(run.status).toBe("completed");
      expect(run.attempts).toBe(2);
      expect(send).toHaveBeenCalledTimes(2);
      expect(await latestEmailTo(to)).not.toBeNull();
    } finally {
      send.mockRestore();
    }
  });

  it("stops at once on a permanent failure (NonRetriableError)", async () => {
    const transport = getEmailTransport();
    const send = vi.spyOn(transport, "send").mockRejectedValue(new EmailDeliveryError("email: recipient rejected", "smtp", "rejected", true));
    try {
      const id = await requestEmail(`rejected-${randomUUID()}@example.test`);
      const run = await finished(id);
      expect(run.status).toBe("failed");
      expect(run.attempts).toBe(1);
      expect(send).toHaveBeenCalledTimes(1);
      expect(run.error?.message).toContain("recipient rejected");
    } finally {
      send.mockRestore();
    }
  });

  it("carries the request's id into the job's log lines", async () => {
    const { POST } = await import("@/app/api/dev/test-email/route");
    const requestId = `req-${randomUUID()}`;
    const lines: Record<string, unknown>[] = [];
    const stop = captureLogs((line) => lines.push(line), "info");
    try {
      const response = await POST(
        new Request("http://localhost/api/dev/test-email", {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": requestId },
          body: JSON.stringify({ to: `traced-${randomUUID()}@example.test` }),
        }),
      );
      expect(response.status).toBe(202);
      expect(response.headers.get("x-request-id")).toBe(requestId);
      const { eventId } = (await response.json()) as { eventId: string };
      const run = await finished(eventId);
      expect(run.status).toBe("completed");
      const jobLines = lines.filter((l) => l.runId === run.id);
      expect(jobLines.map((l) => l.msg)).toContain("email sent");
      expect(jobLines.every((l) => l.requestId === requestId)).toBe(true);
    } finally {
      stop();
    }
  });

  it("fires the cron functions: the relay and the daily cleanup", async () => {
    const relayRun = await executor.runNow("keel-outbox-relay");
    const relay = await executor.waitForRun((r) => r.id === relayRun && r.status !== "running", 15_000);
    expect(relay.status).toBe("completed");

    const expiredToken = `expired-${randomUUID()}`;
    await withSystem("test: expired session", async (tx) => {
      const [user] = await tx.insert(users).values({ email: `cleanup-${randomUUID()}@example.test` }).returning();
      await tx.insert(sessions).values({ sessionToken: expiredToken, userId: user!.id, expires: new Date(Date.now() - 60_000) });
    });
    const cleanupRun = await executor.runNow("keel-cleanup");
    const cleanup = await executor.waitForRun((r) => r.id === cleanupRun && r.status !== "running", 15_000);
    expect(cleanup.status).toBe("completed");
    const left = await withSystem("test: read sessions", (tx) => tx.select().from(sessions).where(eq(sessions.sessionToken, expiredToken)));
    expect(left).toEqual([]);
  });
});
