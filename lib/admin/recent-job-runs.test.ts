// /admin/system's job runs from the dev executor's run log: a job through the real /api/inngest route shows up with
// its status; a stopped executor and no transport at all are said in words, never thrown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { withSystem } from "@/db/tenant";
import { startDevExecutor, type DevExecutor, type RunSummary } from "@/scripts/inngest-dev";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { freePort, serveRouteHandlers } from "@/test/serve-route-handlers";

const executorPort = await freePort();
stubEnv("INNGEST_DEV", `http://127.0.0.1:${executorPort}`);
stubEnv("INNGEST_SIGNING_KEY", "");
stubEnv("EMAIL_TRANSPORT", "dev-mailbox");

const route = await import("@/app/api/inngest/route");
const { enqueue, withOutbox } = await import("@/lib/outbox");
const { emailSendRequested } = await import("@/jobs/events");
const { recentJobRuns } = await import("./recent-job-runs");

let app: Awaited<ReturnType<typeof serveRouteHandlers>>;
let executor: DevExecutor;

beforeAll(async () => {
  app = await serveRouteHandlers(route);
  executor = await startDevExecutor({ serveUrl: `${app.url}/api/inngest`, port: executorPort, baseBackoffMs: 20, syncIntervalMs: 0, log: () => {} });
  await executor.sync();
}, 30_000);
afterAll(async () => {
  await executor?.stop();
  await app?.close();
  await closeDatabase();
  unstubAllEnvs();
});

describe("recentJobRuns", () => {
  it("lists a run of the dev executor with its function, event and status", async () => {
    const eventId = await withOutbox(() =>
      withSystem("test: enqueue", (tx) =>
        enqueue(tx, emailSendRequested, { orgId: null, actorId: null, email: { to: "runs@example.test", template: "notice", props: { heading: "Hi", paragraphs: ["A run."] } } }),
      ),
    );
    await executor.waitForRun((r: RunSummary) => r.eventId === eventId && r.status === "completed", 15_000);
    const runs = await recentJobRuns();
    expect(runs).toMatchObject({ source: "dev-executor", note: null });
    expect(runs.runs.find((r) => r.functionId === "keel-send-email")).toMatchObject({ eventName: "email/send.requested", status: "completed", error: null });
  });

  it("says so when the executor does not answer, or no transport is configured", async () => {
    stubEnv("INNGEST_DEV", "http://127.0.0.1:1");
    expect(await recentJobRuns()).toMatchObject({ source: "dev-executor", runs: [], note: expect.stringContaining("did not answer") });
    stubEnv("INNGEST_DEV", "");
    expect(await recentJobRuns()).toMatchObject({ source: "none", runs: [], note: expect.stringContaining("INNGEST_SIGNING_KEY") });
  });
});
