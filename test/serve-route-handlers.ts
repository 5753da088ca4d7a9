import http from "node:http";
import type { AddressInfo } from "node:net";
import { trackRequestPeers } from "@/lib/request-peer";

type Handler = (request: Request) => Promise<Response> | Response;

/**
 * Serves a Next route module's handlers (`GET`, `POST`, `PUT`, …) from a plain node:http server, so tests and
 * benchmarks drive the real route over real HTTP without a Next build. Every path reaches the same handlers.
 * `host` picks the interface (default loopback): a request to a non-loopback address of this machine arrives from it.
 * Requests know their TCP peer as under `next start` (server start tracks it), so loopback-only routes such as
 * /api/inngest in dev mode answer the dev executor here too.
 */
export async function serveRouteHandlers(
  handlers: Partial<Record<string, unknown>>,
  options: { port?: number; host?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  trackRequestPeers();
  const server = http.createServer(async (req, res) => {
    const handler = handlers[req.method ?? "GET"] as Handler | undefined;
    if (!handler) {
      res.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    try {
      const response = await handler(
        new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" }).end(err instanceof Error ? err.message : "error");
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "localhost"}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port that was free a moment ago (for a service that must be addressed before it starts). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
