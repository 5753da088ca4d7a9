import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request a receiver got: its headers (lower-case names), raw body, and when it arrived. */
export type ReceivedWebhook = { headers: Record<string, string>; body: string; at: number };

/**
 * A real HTTP receiver on loopback, standing in for a customer's webhook endpoint. `respond` picks the status
 * of the n-th request (1-based) and may delay it. Counts requests in flight, to observe concurrency limits.
 */
export async function startWebhookReceiver(respond: (request: ReceivedWebhook, n: number) => number | Promise<number> = () => 200) {
  const received: ReceivedWebhook[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer(async (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: ReceivedWebhook = {
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: Buffer.concat(chunks).toString("utf8"),
      at: Date.now(),
    };
    received.push(request);
    const status = await respond(request, received.length);
    inFlight--;
    res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "thanks" : `failed with ${status}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    port,
    received,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns something truthy (returned), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
