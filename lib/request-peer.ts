import { AsyncLocalStorage } from "node:async_hooks";
import { isIPv4, Server } from "node:net";

/*
 * The address of the machine at the other end of the request's TCP connection. Headers can't say it: the client
 * writes them (Next itself only fills X-Forwarded-For when the client left it out), and Next hands route handlers
 * and pages a Request without its socket. So the server start wraps Node's `net.Server#emit` once: every HTTP(S)
 * server, Next's included, emits "request" with the socket at hand, and the listener then runs inside an
 * AsyncLocalStorage holding its address. Next's own code is untouched.
 */

// On globalThis: Next bundles instrumentation, route handlers and pages separately, each with its own copy of this module.
const state = globalThis as unknown as { keelRequestPeer?: AsyncLocalStorage<string>; keelRequestPeerTracked?: boolean };
const storage = (state.keelRequestPeer ??= new AsyncLocalStorage<string>());

/** Makes every later HTTP request of this process know its peer address (server start; idempotent). */
export function trackRequestPeers(): void {
  if (state.keelRequestPeerTracked) return;
  state.keelRequestPeerTracked = true;
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function emitWithPeer(this: Server, event: string | symbol, ...args: unknown[]) {
    const address = event === "request" ? (args[0] as { socket?: { remoteAddress?: string } } | undefined)?.socket?.remoteAddress : undefined;
    return address ? storage.run(address, () => emit.call(this, event, ...args)) : emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
}

/** The TCP peer address of the current request, or undefined outside a tracked request (tests calling handlers, scripts). */
export function requestPeer(): string | undefined {
  return storage.getStore();
}

/** Runs `fn` as if inside a request from `address` (tests, and in-process callers that are their own peer). */
export function runWithPeer<T>(address: string, fn: () => T): T {
  return storage.run(address, fn);
}

/** Whether an address is this machine: 127.0.0.0/8, ::1, or either written as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.toLowerCase().replace(/^::ffff:/, "");
  if (isIPv4(ip)) return ip.startsWith("127.");
  return ip === "::1" || ip === "0:0:0:0:0:0:0:1";
}

/** Whether the current request comes from this machine, by its socket (never by a header). */
export function fromLoopback(): boolean {
  return isLoopback(requestPeer());
}
