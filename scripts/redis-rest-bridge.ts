/**
 * An Upstash-REST-compatible HTTP bridge in front of a real Redis, so that local dev and tests exercise the real
 * `@upstash/redis` and `@upstash/ratelimit` clients instead of a mock. Dev and test tool only: app code never imports it.
 *
 * Wire format (what @upstash/redis 1.39 sends and expects):
 * - `POST /` with a JSON command array, `POST /pipeline` and `POST /multi-exec` with an array of them, plus the
 *   `GET|POST /<cmd>/<arg>...` path form. Every path needs `Authorization: Bearer <token>`.
 * - Replies are `{ result }` or `{ error }` (HTTP 400, or 401 for auth); pipelines answer 200 with one per command.
 * - With `Upstash-Encoding: base64` every string in a result is base64, at any depth, status replies included
 *   (the client base64-decodes any string it finds in an array, so a raw "PONG" or nested "OK" would be corrupted).
 *   Integers stay JSON numbers, nil stays null, and `error` is never encoded.
 * - The `upstash-sync-token` header (read-your-writes across Upstash replicas) means nothing against one Redis; ignored.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { Command, Redis, ReplyError } from "ioredis";

export interface RedisRestBridgeOptions {
  redisUrl?: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface RedisRestBridge {
  url: string;
  token: string;
  stop(): Promise<void>;
}

type Reply = Buffer | number | null | Error | Reply[];
type Outcome = { result: unknown } | { error: string };
type Prepared = { args: string[]; fixReply: (reply: Reply) => Reply };

/** A problem with the request itself, answered like a Redis error instead of reaching Redis. */
class BadCommand extends Error {}

// Replies must reach the client exactly as RESP2 sent them; ioredis would otherwise reshape some by command name
// (HGETALL into an object, HRANDFIELD/XREAD into pairs).
class RawCommand extends Command {
  override transformReply(result: Buffer | Buffer[]) {
    return result;
  }
}

// All requests share one connection, so anything that changes its state (db, protocol, subscriber or monitor mode,
// an open transaction) would leak into every other request. Upstash has no SELECT either.
const REFUSED = new Set([
  ...["select", "swapdb", "hello", "auth", "reset", "quit", "client", "monitor", "sync", "psync"],
  ...["subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe"],
  ...["multi", "exec", "discard", "watch", "unwatch"],
]);

// The shebang flags stock Redis 7.0 knows. @upstash/ratelimit >= 2.1 starts every script with
// `#!lua flags=allow-key-locking`, which 7.0 rejects outright ("Unexpected flag in script shebang").
const REDIS_FLAGS = new Set(["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"]);

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest("hex");

/** Drops the shebang flags Redis does not know; the line break stays so Lua error line numbers still match. */
function stripUnknownFlags(script: string): string {
  const shebang = /^#!lua flags=(.*)/.exec(script);
  if (!shebang) return script;
  const kept = (shebang[1] ?? "").split(",").map((flag) => flag.trim()).filter((flag) => REDIS_FLAGS.has(flag));
  return (kept.length ? `#!lua flags=${kept.join(",")}` : "") + script.slice(shebang[0].length);
}

/**
 * Rewrites script commands. Clients compute EVALSHA's sha over the script text THEY hold (ratelimit even ships
 * them precomputed), but Redis only knows the sha of the stripped text. So every EVAL / SCRIPT LOAD remembers
 * client sha -> Redis sha. An EVALSHA we cannot map goes through unchanged and gets Redis's NOSCRIPT, on which
 * both @upstash/redis's Script and ratelimit fall back to EVAL, which creates the mapping.
 */
function prepare(command: unknown, shas: Map<string, string>): Prepared {
  if (!Array.isArray(command) || command.length === 0) throw new BadCommand("ERR the command must be a non-empty array");
  // The client sends numbers and booleans as JSON values and already JSON-encodes objects.
  const args = command.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg) ?? ""));
  const name = (args[0] ?? "").toLowerCase();
  if (REFUSED.has(name)) throw new BadCommand(`ERR '${name}' is not supported by the REST bridge`);
  const sub = (args[1] ?? "").toLowerCase();
  const remember = (script: string) => {
    const stripped = stripUnknownFlags(script);
    if (stripped !== script) shas.set(sha1(script), sha1(stripped));
    return stripped;
  };
  const mapSha = (sha: string) => shas.get(sha.toLowerCase()) ?? sha;
  const same = (reply: Reply) => reply;

  if ((name === "eval" || name === "eval_ro") && args.length > 1) args[1] = remember(args[1] ?? "");
  if ((name === "evalsha" || name === "evalsha_ro") && args.length > 1) args[1] = mapSha(args[1] ?? "");
  if (name === "script" && sub === "exists") return { args: [...args.slice(0, 2), ...args.slice(2).map(mapSha)], fixReply: same };
  if (name === "script" && sub === "load" && args.length > 2) {
    const original = args[2] ?? "";
    args[2] = remember(original);
    // Answer with the sha the client can compute itself, not the stripped script's.
    return { args, fixReply: (reply) => (Buffer.isBuffer(reply) ? Buffer.from(sha1(original)) : reply) };
  }
  return { args, fixReply: same };
}

function toJson(reply: Reply, base64: boolean): unknown {
  if (Buffer.isBuffer(reply)) return reply.toString(base64 ? "base64" : "utf8");
  // An error nested in an array (a Lua table holding redis.error_reply) travels as its message.
  if (reply instanceof Error) return toJson(Buffer.from(reply.message), base64);
  if (Array.isArray(reply)) return reply.map((item) => toJson(item, base64));
  return reply;
}

function send(conn: Redis, args: string[]): Promise<Reply> {
  const [name = "", ...rest] = args;
  // replyEncoding null: keep bulk strings as Buffers so binary values survive until we encode them.
  return conn.sendCommand(new RawCommand(name, rest, { replyEncoding: null })) as Promise<Reply>;
}

const isRedisError = (err: unknown): err is Error => err instanceof ReplyError || err instanceof BadCommand;

async function runCommand(conn: Redis, shas: Map<string, string>, command: unknown, base64: boolean): Promise<Outcome> {
  try {
    // Everything up to send() is synchronous, so commands of one pipeline reach Redis in their order.
    const { args, fixReply } = prepare(command, shas);
    return { result: toJson(fixReply(await send(conn, args)), base64) };
  } catch (err) {
    if (isRedisError(err)) return { error: err.message };
    throw err;
  }
}

/** MULTI ... EXEC written in one synchronous burst on the transaction connection, so nothing can interleave. */
async function runTransaction(conn: Redis, shas: Map<string, string>, commands: unknown[], base64: boolean) {
  const prepared = commands.map((command) => prepare(command, shas));
  // Settle all of them together: a rejection left unobserved while we await another would crash the process.
  const settled = await Promise.allSettled([send(conn, ["multi"]), ...prepared.map((p) => send(conn, p.args)), send(conn, ["exec"])]);
  const exec = settled.pop();
  if (exec?.status !== "fulfilled") {
    // EXECABORT: nothing ran. The queueing error says what was wrong with which command.
    throw settled.find((s): s is PromiseRejectedResult => s.status === "rejected")?.reason ?? exec?.reason;
  }
  if (!Array.isArray(exec.value)) throw new Error("EXEC answered without an array");
  return exec.value.map((reply, i): Outcome => {
    if (reply instanceof Error) return { error: reply.message };
    return { result: toJson(prepared[i]?.fixReply(reply) ?? reply, base64) };
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new BadCommand("ERR the request body is not valid JSON");
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadCommand("ERR malformed percent-encoding in the path");
  }
}

/** Starts the bridge; resolves once Redis is connected and the HTTP port is listening. */
export async function startRedisRestBridge(options: RedisRestBridgeOptions): Promise<RedisRestBridge> {
  const { token, port = 0, host = "127.0.0.1" } = options;
  if (!token) throw new Error("startRedisRestBridge needs a token: an empty one would let every request in");
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  // RESP2 because that is the reply shape Upstash speaks (ioredis 6 defaults to RESP3). No retries: a dead Redis
  // should fail the request at once rather than hang the client.
  const conn = new Redis(redisUrl, { protocol: 2, lazyConnect: true, maxRetriesPerRequest: 1, connectionName: "keel-rest-bridge" });
  // A dedicated connection for MULTI/EXEC keeps an open transaction away from the commands of other requests.
  const txConn = conn.duplicate({ connectionName: "keel-rest-bridge-tx" });
  // Connection errors surface on the requests that hit them; without listeners ioredis would log each retry.
  for (const c of [conn, txConn]) c.on("error", () => {});
  await Promise.all([conn.connect(), txConn.connect()]).catch((err: unknown) => {
    // Otherwise both would keep reconnecting in the background and hold the process open.
    for (const c of [conn, txConn]) c.disconnect();
    const { host: redisHost, port: redisPort, db } = conn.options;
    throw new Error(`redis-rest-bridge: cannot connect to Redis at ${redisHost}:${redisPort}/${db}`, { cause: err });
  });

  const shas = new Map<string, string>();
  // Hashing both sides gives timingSafeEqual equal lengths, so timing reveals nothing about the token.
  const tokenDigest = createHash("sha256").update(token).digest();
  const authorized = (header: string | undefined) => {
    const given = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
    return timingSafeEqual(createHash("sha256").update(given).digest(), tokenDigest);
  };

  async function handle(req: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
    // Upstash's own answer to a missing or wrong token.
    if (!authorized(req.headers.authorization)) return { status: 401, body: { error: "WRONGPASS invalid or missing auth token" } };
    const base64 = req.headers["upstash-encoding"]?.toString().toLowerCase() === "base64";
    const path = new URL(req.url ?? "/", "http://bridge").pathname.replace(/\/+$/, "");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method === "POST" && (path === "/pipeline" || path === "/multi-exec")) {
      const commands = parseJson(body);
      if (!Array.isArray(commands) || commands.length === 0) throw new BadCommand("ERR expected a non-empty array of commands");
      if (path === "/multi-exec") return { status: 200, body: await runTransaction(txConn, shas, commands, base64) };
      return { status: 200, body: await Promise.all(commands.map((c) => runCommand(conn, shas, c, base64))) };
    }
    // POST / carries the command as JSON; otherwise the path is the command and a POST body its last argument.
    let command: unknown = path === "" && req.method === "POST" ? parseJson(body) : path.split("/").slice(1).map(decodeSegment);
    if (path !== "" && req.method === "POST" && body.length > 0) command = [...(command as string[]), body.toString("utf8")];
    const outcome = await runCommand(conn, shas, command, base64);
    return { status: "error" in outcome ? 400 : 200, body: outcome };
  }

  const server = http.createServer((req, res) => {
    handle(req)
      .catch((err: unknown) => {
        if (isRedisError(err)) return { status: 400, body: { error: err.message } };
        // Not a Redis answer (connection lost, bridge bug): log it here, keep the details out of the response.
        console.error("[redis-rest-bridge]", err);
        return { status: 500, body: { error: "ERR the bridge could not reach Redis" } };
      })
      .then(({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject).listen(port, host, resolve);
  });
  const { port: actualPort } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${actualPort}`,
    token,
    async stop() {
      // The client keeps connections alive; without closing them close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([conn.quit(), txConn.quit()]);
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.UPSTASH_BRIDGE_PORT ?? process.env.PORT ?? 8079);
  const bridge = await startRedisRestBridge({ token: process.env.UPSTASH_REDIS_REST_TOKEN ?? "keel-dev-token", port });
  console.log(`Upstash REST bridge listening on ${bridge.url}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void bridge.stop());
}
