import { after } from "next/server";
import { log } from "./log";
import { withOutbox } from "./outbox";

/**
 * Runs `work` after the response has been sent when inside a Next request (the events it enqueues are handed to
 * Inngest as soon as it finishes), and right away, awaited, outside one (tests, scripts). For work whose duration
 * must not show in the response: whether an address has an account must not be measurable by how long the
 * answer takes. Failures are logged; the caller has already answered.
 */
export async function afterResponse(name: string, work: () => Promise<void>): Promise<void> {
  const run = () => withOutbox(work).catch((err: unknown) => log.error({ err, work: name }, "work after the response failed"));
  try {
    after(run);
  } catch {
    // after() throws outside a request scope.
    await run();
  }
}
