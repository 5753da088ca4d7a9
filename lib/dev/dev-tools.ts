import { devMailboxEnabled } from "@/lib/email/config";
import { devToolsAllowed, env, inngestDevMode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { fromLoopback } from "@/lib/request-peer";

/*
 * The development tools (the dev mailbox with live sign-in links, the job runs, the test-email endpoint, Inngest's
 * unsigned dev mode) hand an account or a job to whoever opens them. So they exist outside production, and in a
 * production build only with UNSAFE_TEST_ONLY_DEV_TOOLS=1 (the end-to-end server) and then only for requests whose
 * TCP peer is this machine. Everyone else gets the 404 of a page that does not exist.
 */

/** Whether the current request may use the dev tools. */
export function devToolsOpen(): boolean {
  const settings = env();
  if (!devToolsAllowed(settings)) return false;
  return settings.NODE_ENV !== "production" || fromLoopback();
}

/** Throws the 404 of a page that does not exist unless the current request may use the dev tools (their actions). */
export function requireDevTools(): void {
  if (!devToolsOpen()) throw new AppError("not_found", "Not found.");
}

/** Whether the current request may read the dev mailbox (the dev tools are open and emails land in it). */
export function devMailboxOpen(): boolean {
  return devToolsOpen() && devMailboxEnabled(env());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any handler signature: the guard only passes its arguments on
type Handler = (...args: any[]) => Promise<Response>;

/**
 * Inngest's serve handlers, answering in dev mode only requests from loopback (the dev executor or the inngest-cli
 * dev server on this machine): dev mode checks no signature, so anyone else could run any function. In cloud mode
 * every request is signed and checked by the SDK, so any peer may call.
 */
export function guardInngestEndpoint<H extends { GET: Handler; POST: Handler; PUT: Handler }>(handlers: H, isDevMode: () => boolean = () => inngestDevMode()): Pick<H, "GET" | "POST" | "PUT"> {
  const guard = <F extends Handler>(handler: F): F =>
    (async (...args: Parameters<F>) => {
      if (isDevMode() && !(devToolsAllowed() && fromLoopback())) {
        return Response.json(new AppError("not_found", "Not found.").toBody(), { status: 404, headers: { "cache-control": "private, no-store" } });
      }
      return handler(...args);
    }) as F;
  return { GET: guard(handlers.GET), POST: guard(handlers.POST), PUT: guard(handlers.PUT) };
}
