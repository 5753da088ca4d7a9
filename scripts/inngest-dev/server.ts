// The executor's HTTP face: the event API the SDK's send() posts to, the out-of-band registration endpoint, and
// for the app's /dev/jobs page the recent runs, the synced functions, "run now" and "replay". Any other route is
// refused by name. It listens on loopback only (main.ts, dev.ts): whoever reaches it may run any function.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z, ZodError } from "zod";
import type { FunctionSummary } from "./index";
import { HEADER, outOfBandRegisterSchema } from "./protocol";
import type { Log, RunSummary } from "./state";

export interface ServerHandlers {
  log: Log;
  ingest(payloads: unknown[], seed: string | undefined): Promise<{ ids: string[] }>;
  register(appId: string, functions: unknown[]): void;
  runs(): RunSummary[];
  run(id: string): RunSummary | undefined;
  health(): Record<string, unknown>;
  functions(): FunctionSummary[];
  runNow(functionId: string, data?: Record<string, unknown>): Promise<string>;
  replay(runId: string): Promise<string>;
}

const runNowBodySchema = z.object({ data: z.record(z.string(), z.unknown()).optional() }).strict();

const MAX_BODY_BYTES = 5 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A function or run that is not there (404). */
export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

/** A request the current state refuses, e.g. replaying a run still going (409). */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "body too large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function route(req: http.IncomingMessage, res: http.ServerResponse, h: ServerHandlers): Promise<void> {
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  const method = req.method ?? "GET";
  // POST /e/<event key>: what `inngest.send()` calls (components/Inngest.js `_send`). The key is not checked in dev.
  if (method === "POST" && /^\/e\/[^/]+\/?$/.test(pathname)) {
    const body = await readJson(req);
    const seed = req.headers[HEADER.eventIdSeed];
    const { ids } = await h.ingest(Array.isArray(body) ? body : [body], typeof seed === "string" ? seed : undefined);
    // The SDK requires `status: 200` in the body, not only as the HTTP status (types.js sendEventResponseSchema).
    return send(res, 200, { ids, status: 200 });
  }
  if (method === "POST" && pathname === "/fn/register") {
    const body = outOfBandRegisterSchema.parse(await readJson(req));
    h.register(body.appName, body.functions);
    return send(res, 200, { ok: true, modified: true });
  }
  if (method === "GET" && pathname === "/dev/runs") return send(res, 200, { runs: h.runs() });
  const one = pathname.match(/^\/dev\/runs\/([^/]+)$/);
  if (method === "GET" && one?.[1]) {
    const run = h.run(decodeURIComponent(one[1]));
    return run ? send(res, 200, run) : send(res, 404, { error: "run not found" });
  }
  if (method === "GET" && pathname === "/dev/functions") return send(res, 200, { functions: h.functions() });
  const runFn = pathname.match(/^\/dev\/functions\/([^/]+)\/run$/);
  if (method === "POST" && runFn?.[1]) {
    const { data } = runNowBodySchema.parse((await readJson(req)) ?? {});
    return send(res, 202, { runId: await h.runNow(decodeURIComponent(runFn[1]), data) });
  }
  const replay = pathname.match(/^\/dev\/runs\/([^/]+)\/replay$/);
  if (method === "POST" && replay?.[1]) return send(res, 202, { runId: await h.replay(decodeURIComponent(replay[1])) });
  if (method === "GET" && (pathname === "/" || pathname === "/health")) return send(res, 200, h.health());
  h.log({ level: "error", msg: `dev executor does not support ${method} ${pathname}` });
  return send(res, 404, { error: `dev executor does not support ${method} ${pathname}`, status: 404 });
}

/** Listens on host:port (0 = a free port) and resolves once it accepts connections. */
export async function startServer(host: string, port: number, h: ServerHandlers): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    route(req, res, h).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : err instanceof ZodError ? 400 : 500;
      const error = err instanceof ZodError ? `invalid payload: ${err.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` : String((err as Error).message ?? err);
      h.log({ level: status >= 500 ? "error" : "warn", msg: "request failed", path: req.url, status, error });
      if (!res.headersSent) send(res, status, { error, status });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
