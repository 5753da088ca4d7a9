// Contract test: the executor against a real serve() handler from the pinned `inngest` package, so an SDK
// upgrade that changes the protocol fails here rather than in someone's dev loop.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevExecutor, type DevExecutor, type LogLine, type RunSummary } from "./index";

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const makeClient = (baseUrl: string) => new Inngest({ id: "keel-test", isDev: true, baseUrl, logger: silent });
type Client = ReturnType<typeof makeClient>;

/** How many times each step body (or function attempt) really ran. */
const ran = new Map<string, number>();
const tick = (key: string) => ran.set(key, (ran.get(key) ?? 0) + 1);
const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failures: string[] = [];
const parallelSpans: Record<string, { start: number; end: number }> = {};
const orgSpans: Array<{ org: string; start: number; end: number }> = [];

function defineFunctions(inngest: Client) {
  const double = inngest.createFunction({ id: "double", triggers: [{ event: "test/double" }] }, async ({ event }) => {
    return (event.data as { n: number }).n * 2;
  });
  return [
    double,
    inngest.createFunction({ id: "hello", triggers: [{ event: "test/hello" }] }, async ({ event }) => ({ greeting: `hi ${event.data.name}` })),
    inngest.createFunction({ id: "sequential", triggers: [{ event: "test/sequential" }] }, async ({ step }) => {
      const a = await step.run("a", () => (tick("seq-a"), "A"));
      const b = await step.run("b", () => (tick("seq-b"), `${a}B`));
      return step.run("c", () => (tick("seq-c"), `${b}C`));
    }),
    inngest.createFunction({ id: "flaky-step", triggers: [{ event: "test/flaky-step" }], retries: 3 }, async ({ step }) => {
      return step.run("flaky", () => {
        tick("flaky");
        if (ran.get("flaky") === 1) throw new Error("first call fails");
        return "recovered";
      });
    }),
    inngest.createFunction({ id: "flaky-function", triggers: [{ event: "test/flaky-function" }], retries: 2 }, async ({ attempt }) => {
      tick("flaky-function");
      if (attempt === 0) throw new Error("function body fails once");
      return { attempt };
    }),
    inngest.createFunction({ id: "non-retriable", triggers: [{ event: "test/non-retriable" }], retries: 3 }, async ({ step }) => {
      await step.run("refuse", () => {
        tick("refuse");
        throw new NonRetriableError("bad input, retrying cannot help");
      });
    }),
    inngest.createFunction(
      {
        id: "always-fails",
        triggers: [{ event: "test/always-fails" }],
        retries: 2,
        onFailure: async ({ error }) => void failures.push(error.message),
      },
      async ({ step }) => {
        await step.run("doomed", () => {
          tick("doomed");
          throw new Error("still broken");
        });
      },
    ),
    inngest.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
      const span = (name: string) => async () => {
        tick(`par-${name}`);
        const start = Date.now();
        await sleepMs(150);
        parallelSpans[name] = { start, end: Date.now() };
        return name;
      };
      const [a, b] = await Promise.all([step.run("a", span("a")), step.run("b", span("b"))]);
      return step.run("join", () => (tick("par-join"), `${a}+${b}`));
    }),
    inngest.createFunction({ id: "sleeper", triggers: [{ event: "test/sleeper" }] }, async ({ step }) => {
      const before = await step.run("before", () => Date.now());
      await step.sleep("nap", "200ms");
      return step.run("after", () => Date.now() - before);
    }),
    inngest.createFunction({ id: "waiter", triggers: [{ event: "test/order.placed" }] }, async ({ step }) => {
      return step.waitForEvent("approval", { event: "test/order.approved", timeout: "30s", if: "event.data.orderId == async.data.orderId" });
    }),
    inngest.createFunction({ id: "impatient", triggers: [{ event: "test/impatient" }] }, async ({ step }) => {
      return step.waitForEvent("never", { event: "test/never.sent", timeout: "1s", match: "data.id" });
    }),
    inngest.createFunction({ id: "invoker", triggers: [{ event: "test/invoker" }] }, async ({ step }) => {
      const doubled = await step.invoke("call-double", { function: double, data: { n: 21 } });
      return { doubled };
    }),
    inngest.createFunction({ id: "fan-out", triggers: [{ event: "test/fan-out" }] }, async ({ step }) => {
      await step.sendEvent("fan", [1, 2, 3].map((n) => ({ name: "test/fan.child", data: { n } })));
      return "sent";
    }),
    inngest.createFunction({ id: "fan-child", triggers: [{ event: "test/fan.child" }] }, async ({ event }) => event.data.n),
    inngest.createFunction(
      { id: "cancellable", triggers: [{ event: "test/job.started" }], cancelOn: [{ event: "test/job.cancelled", match: "data.jobId" }] },
      async ({ step }) => {
        await step.sleep("long-nap", "1h");
        tick("cancellable-woke");
      },
    ),
    inngest.createFunction(
      { id: "one-per-org", triggers: [{ event: "test/org.job" }], concurrency: { limit: 1, key: "event.data.orgId" } },
      async ({ event, step }) => {
        return step.run("work", async () => {
          const start = Date.now();
          await sleepMs(120);
          orgSpans.push({ org: event.data.orgId as string, start, end: Date.now() });
        });
      },
    ),
    inngest.createFunction({ id: "early-riser", triggers: [{ event: "test/early-riser" }] }, async ({ step }) => {
      await step.sleep("long-nap", "10h");
      return "awake";
    }),
    inngest.createFunction({ id: "dedupe", triggers: [{ event: "test/dedupe" }] }, async () => (tick("dedupe"), "ran")),
    inngest.createFunction({ id: "nightly", triggers: [{ cron: "TZ=Europe/Paris 0 3 * * *" }] }, async ({ event }) => ({ name: event.name, cron: (event.data as { cron?: string }).cron })),
  ];
}

let app: http.Server;
let handler: http.RequestListener | undefined;
let executor: DevExecutor;
let inngest: Client;
const logs: LogLine[] = [];

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** The finished run of `keel-test-<id>`. */
const finished = (id: string, timeoutMs = 10_000): Promise<RunSummary> =>
  executor.waitForRun((r) => r.functionId === `keel-test-${id}` && r.status !== "running", timeoutMs);

beforeAll(async () => {
  // The app server exists before the executor (which needs its URL); the client needs the executor's URL, so the
  // handler is plugged in last. Until then the "app" answers 503, as a compiling Next server might.
  app = http.createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  const port = await listen(app);
  executor = await startDevExecutor({ serveUrl: `http://127.0.0.1:${port}/api/inngest`, port: 0, baseBackoffMs: 10, syncIntervalMs: 0, log: (l) => logs.push(l) });
  inngest = makeClient(executor.url);
  handler = serve({ client: inngest, functions: defineFunctions(inngest) });
  await executor.sync();
});

afterAll(async () => {
  await executor?.stop();
  await new Promise((resolve) => app?.close(resolve));
});

describe("dev executor against a real serve() handler", () => {
  it("runs the function an event triggers and lists it at GET /dev/runs", async () => {
    const { ids } = await inngest.send({ name: "test/hello", data: { name: "Ada" } });
    const run = await finished("hello");
    expect(run).toMatchObject({ status: "completed", output: { greeting: "hi Ada" }, eventName: "test/hello", attempts: 1 });
    expect(run.eventId).toBe(ids[0]);
    const listed = (await (await fetch(`${executor.url}/dev/runs`)).json()) as { runs: RunSummary[] };
    expect(listed.runs.map((r) => r.id)).toContain(run.id);
  });

  it("memoizes sequential steps: each body runs exactly once", async () => {
    await inngest.send({ name: "test/sequential", data: {} });
    const run = await finished("sequential");
    expect(run.output).toBe("ABC");
    expect([ran.get("seq-a"), ran.get("seq-b"), ran.get("seq-c")]).toEqual([1, 1, 1]);
    expect(run.steps.map((s) => [s.name, s.status])).toEqual([["a", "completed"], ["b", "completed"], ["c", "completed"]]);
  });

  it("retries a step that fails once", async () => {
    await inngest.send({ name: "test/flaky-step", data: {} });
    const run = await finished("flaky-step");
    expect(run).toMatchObject({ status: "completed", output: "recovered", attempts: 2 });
    expect(ran.get("flaky")).toBe(2);
  });

  it("retries the whole request when the function body throws (500)", async () => {
    await inngest.send({ name: "test/flaky-function", data: {} });
    const run = await finished("flaky-function");
    expect(run).toMatchObject({ status: "completed", output: { attempt: 1 }, attempts: 2 });
  });

  it("stops at once on a NonRetriableError", async () => {
    await inngest.send({ name: "test/non-retriable", data: {} });
    const run = await finished("non-retriable");
    expect(run).toMatchObject({ status: "failed", attempts: 1 });
    expect(run.error?.message).toContain("bad input");
    expect(ran.get("refuse")).toBe(1);
  });

  it("fails the run once retries are exhausted, and runs onFailure", async () => {
    await inngest.send({ name: "test/always-fails", data: {} });
    const run = await finished("always-fails");
    expect(run).toMatchObject({ status: "failed", attempts: 3 });
    expect(run.error?.message).toContain("still broken");
    expect(ran.get("doomed")).toBe(3);
    await finished("always-fails-failure");
    expect(failures).toEqual(["still broken"]);
  });

  it("runs parallel steps concurrently, each once", async () => {
    await inngest.send({ name: "test/parallel", data: {} });
    const run = await finished("parallel");
    expect(run.output).toBe("a+b");
    expect([ran.get("par-a"), ran.get("par-b"), ran.get("par-join")]).toEqual([1, 1, 1]);
    const { a, b } = parallelSpans;
    expect(a && b && a.start < b.end && b.start < a.end).toBe(true); // the two spans overlap
  });

  it("really sleeps (the SDK rounds sub-second sleeps up to 1 s)", async () => {
    await inngest.send({ name: "test/sleeper", data: {} });
    const run = await finished("sleeper");
    expect(run.status).toBe("completed");
    expect(run.output).toBeGreaterThanOrEqual(1_000);
    expect(run.steps.find((s) => s.op === "Sleep")?.status).toBe("completed");
  });

  it("wakes a sleeping run early when asked (time travel for tests)", async () => {
    await inngest.send({ name: "test/early-riser", data: {} });
    const asleep = await executor.waitForRun((r) => r.functionId === "keel-test-early-riser" && r.steps.some((s) => s.status === "sleeping"), 5_000);
    expect(executor.wakeSleepers((r) => r.id === "no-such-run")).toBe(0);
    expect(executor.wakeSleepers((r) => r.id === asleep.id)).toBe(1);
    const run = await finished("early-riser");
    expect(run).toMatchObject({ status: "completed", output: "awake" });
    expect(run.durationMs).toBeLessThan(60_000);
  });

  it("resumes step.waitForEvent with the first matching later event", async () => {
    await inngest.send({ name: "test/order.placed", data: { orderId: "o-1" } });
    await executor.waitForRun((r) => r.functionId === "keel-test-waiter" && r.steps.some((s) => s.status === "waiting"), 5_000);
    await inngest.send({ name: "test/order.approved", data: { orderId: "o-2" } });
    await inngest.send({ name: "test/order.approved", data: { orderId: "o-1", by: "ops" } });
    const run = await finished("waiter");
    expect(run.output).toMatchObject({ name: "test/order.approved", data: { orderId: "o-1", by: "ops" } });
  });

  it("resumes step.waitForEvent with null at its timeout", async () => {
    await inngest.send({ name: "test/impatient", data: { id: "x" } });
    const run = await finished("impatient");
    expect(run).toMatchObject({ status: "completed", output: null });
    expect(run.durationMs).toBeGreaterThanOrEqual(1_000);
  });

  it("feeds an invoked function's result back to step.invoke", async () => {
    await inngest.send({ name: "test/invoker", data: {} });
    const run = await finished("invoker");
    expect(run).toMatchObject({ status: "completed", output: { doubled: 42 } });
    const child = await finished("double");
    expect(child.eventName).toBe("inngest/function.invoked");
  });

  it("fans out step.sendEvent through the event API", async () => {
    await inngest.send({ name: "test/fan-out", data: {} });
    expect((await finished("fan-out")).output).toBe("sent");
    const children = () => executor.runs().filter((r) => r.functionId === "keel-test-fan-child" && r.status === "completed");
    await executor.waitForRun(() => children().length === 3, 5_000);
    expect(children().map((r) => r.output).sort()).toEqual([1, 2, 3]);
  });

  it("ignores a second event with the same id", async () => {
    const first = await inngest.send({ name: "test/dedupe", id: "order-42", data: {} });
    const second = await inngest.send({ name: "test/dedupe", id: "order-42", data: {} });
    expect(second.ids).toHaveLength(1);
    expect(first.ids).toHaveLength(1);
    await finished("dedupe");
    await sleepMs(200); // time for a second run to appear, were the duplicate not ignored
    expect(executor.runs().filter((r) => r.functionId === "keel-test-dedupe")).toHaveLength(1);
    expect(ran.get("dedupe")).toBe(1);
  });

  it("cancels a run when a matching cancelOn event arrives", async () => {
    await inngest.send({ name: "test/job.started", data: { jobId: "j-1" } });
    await executor.waitForRun((r) => r.functionId === "keel-test-cancellable" && r.steps.some((s) => s.status === "sleeping"), 5_000);
    await inngest.send({ name: "test/job.cancelled", data: { jobId: "j-other" } });
    await inngest.send({ name: "test/job.cancelled", data: { jobId: "j-1" } });
    const run = await finished("cancellable");
    expect(run.status).toBe("cancelled");
    expect(ran.get("cancellable-woke")).toBeUndefined();
  });

  it("runs one step at a time per concurrency key", async () => {
    await inngest.send(["a", "a", "b"].map((orgId) => ({ name: "test/org.job", data: { orgId } })));
    await executor.waitForRun(() => executor.runs().filter((r) => r.functionId === "keel-test-one-per-org" && r.status === "completed").length === 3, 5_000);
    const [first, second] = orgSpans.filter((s) => s.org === "a");
    const other = orgSpans.find((s) => s.org === "b");
    expect(first && second && (first.end <= second.start || second.end <= first.start)).toBe(true); // org a: serial
    expect(first && other && first.start < other.end && other.start < first.end).toBe(true); // org b: not held up by a
  });

  it("accepts an out-of-band sync at /fn/register when the app disallows in-band sync", async () => {
    process.env.INNGEST_ALLOW_IN_BAND_SYNC = "false"; // read by the serve handler on every request
    try {
      const before = logs.length;
      await executor.sync();
      expect(logs.slice(before)).toContainEqual(expect.objectContaining({ msg: "out-of-band registration received", appId: "keel-test" }));
      expect(logs.slice(before).filter((l) => l.level === "error")).toEqual([]);
      const health = (await (await fetch(executor.url)).json()) as { functions: string[] };
      expect(health.functions).toContain("keel-test-hello");
    } finally {
      delete process.env.INNGEST_ALLOW_IN_BAND_SYNC;
    }
  });

  it("fires a cron function with inngest/scheduled.timer", async () => {
    const runId = await executor.runNow("keel-test-nightly");
    const run = await executor.waitForRun((r) => r.id === runId && r.status !== "running", 5_000);
    expect(run).toMatchObject({ status: "completed", output: { name: "inngest/scheduled.timer", cron: "TZ=Europe/Paris 0 3 * * *" } });
  });

  it("lists the synced functions and runs any of them now over HTTP, crons included", async () => {
    const { functions } = (await (await fetch(`${executor.url}/dev/functions`)).json()) as { functions: Array<{ id: string; triggers: unknown[] }> };
    expect(functions).toContainEqual(expect.objectContaining({ id: "keel-test-nightly", triggers: [{ cron: "TZ=Europe/Paris 0 3 * * *" }] }));

    const cron = await fetch(`${executor.url}/dev/functions/keel-test-nightly/run`, { method: "POST" });
    expect(cron.status).toBe(202);
    const { runId } = (await cron.json()) as { runId: string };
    expect(await executor.waitForRun((r) => r.id === runId && r.status !== "running", 5_000)).toMatchObject({ status: "completed", eventName: "inngest/scheduled.timer" });

    // An event function runs with the payload given, and alone: `double` is the only function of test/double anyway,
    // so check the other way round that a run of `hello` does not start `double`.
    const hello = await fetch(`${executor.url}/dev/functions/keel-test-hello/run`, { method: "POST", body: JSON.stringify({ data: { name: "Ada" } }) });
    const helloRun = (await hello.json()) as { runId: string };
    expect(await executor.waitForRun((r) => r.id === helloRun.runId && r.status !== "running", 5_000)).toMatchObject({ status: "completed", output: { greeting: "hi Ada" } });

    const missing = await fetch(`${executor.url}/dev/functions/keel-test-nope/run`, { method: "POST" });
    expect(missing.status).toBe(404);
  });

  it("replays a finished run: a new run of the same function with the same event", async () => {
    const { ids } = await inngest.send({ name: "test/double", data: { n: 4 } });
    const first = await executor.waitForRun((r) => r.eventId === ids[0] && r.status !== "running", 5_000);
    const response = await fetch(`${executor.url}/dev/runs/${first.id}/replay`, { method: "POST" });
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };
    expect(runId).not.toBe(first.id);
    const second = await executor.waitForRun((r) => r.id === runId && r.status !== "running", 5_000);
    expect(second).toMatchObject({ functionId: "keel-test-double", eventId: first.eventId, eventData: { n: 4 }, status: "completed", output: 8 });
    expect((await fetch(`${executor.url}/dev/runs/nope/replay`, { method: "POST" })).status).toBe(404);
  });
});

describe("dev executor refusals", () => {
  it("fails a run loudly on an op or option it does not support", async () => {
    const step = { step: { id: "step", name: "step", runtime: { type: "http", url: "http://unused" } } };
    const fake = http.createServer((req, res) => {
      if (req.method === "PUT") {
        const functions = [
          { id: "fake-bogus", triggers: [{ event: "fake/go" }], steps: step },
          { id: "fake-throttled", triggers: [{ event: "fake/go" }], steps: step, throttle: { limit: 1, period: "1m" } },
        ];
        res.writeHead(200, { "content-type": "application/json", "x-inngest-sync-kind": "in_band" });
        return res.end(JSON.stringify({ app_id: "fake", functions }));
      }
      res.writeHead(206, { "content-type": "application/json" }).end(JSON.stringify([{ id: "abc", op: "Bogus" }]));
    });
    const port = await listen(fake);
    const lines: LogLine[] = [];
    const other = await startDevExecutor({ serveUrl: `http://127.0.0.1:${port}/api/inngest`, port: 0, syncIntervalMs: 0, log: (l) => lines.push(l) });
    try {
      await other.sync();
      const res = await fetch(`${other.url}/e/any-key`, { method: "POST", body: JSON.stringify({ name: "fake/go", data: {} }) });
      expect(await res.json()).toMatchObject({ status: 200, ids: [expect.any(String)] });
      const bogus = await other.waitForRun((r) => r.functionId === "fake-bogus" && r.status !== "running", 5_000);
      expect(bogus).toMatchObject({ status: "failed", error: { message: "dev executor does not support Bogus" } });
      const throttled = await other.waitForRun((r) => r.functionId === "fake-throttled" && r.status !== "running", 5_000);
      expect(throttled.error?.message).toContain('dev executor does not support the function option "throttle"');
      expect(lines).toContainEqual(expect.objectContaining({ level: "error", msg: "dev executor does not support Bogus" }));
    } finally {
      await other.stop();
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});
