import { createHash, randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis as UpstashRedis } from "@upstash/redis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupRedisBridge } from "@/test/redis-bridge";

// A logical db of its own, and every test writes only under its own prefix.
const bridge = setupRedisBridge(process.env.BRIDGE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/13");
let redis: UpstashRedis;
let prefix: string;
const key = (name: string) => `${prefix}${name}`;

const client = (options: { token?: string; automaticDeserialization?: boolean } = {}) =>
  new UpstashRedis({ url: bridge.url, token: options.token ?? bridge.token, automaticDeserialization: options.automaticDeserialization, retry: false, enableTelemetry: false });

/** One raw HTTP call, to check the wire format itself rather than what the client makes of it. */
async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${bridge.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${bridge.token}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const b64 = (text: string) => Buffer.from(text).toString("base64");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  prefix = `keel-bridge-test:${randomUUID()}:`;
  redis = client();
});

afterEach(() => bridge.deleteKeys(`${prefix}*`));

describe("redis REST bridge with the real @upstash/redis client", () => {
  it("sets and gets with EX and PX, and keys expire", async () => {
    expect(await redis.set(key("ex"), "v", { ex: 100 })).toBe("OK");
    expect(await redis.get(key("ex"))).toBe("v");
    expect(await redis.ttl(key("ex"))).toBeGreaterThan(98);

    await redis.set(key("px"), "gone soon", { px: 150 });
    const pttl = await redis.pttl(key("px"));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(150);
    await sleep(250);
    expect(await redis.get(key("px"))).toBeNull();
    expect(await redis.ttl(key("px"))).toBe(-2);
  });

  it("increments, deletes and scans", async () => {
    expect(await redis.incr(key("n"))).toBe(1);
    expect(await redis.incrby(key("n"), 41)).toBe(42);
    await Promise.all(["a", "b", "c"].map((k) => redis.set(key(`scan:${k}`), k)));

    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, { match: key("scan:*"), count: 100 });
      found.push(...keys);
      cursor = String(next);
    } while (cursor !== "0");
    expect(found.sort()).toEqual(["a", "b", "c"].map((k) => key(`scan:${k}`)));

    expect(await redis.del(key("scan:a"), key("scan:b"), key("missing"))).toBe(2);
    expect(await redis.exists(key("scan:a"), key("scan:c"))).toBe(1);
  });

  it("returns hashes as Redis's flat array, which the client turns into an object", async () => {
    expect(await redis.hset(key("h"), { name: "Ada", visits: 3 })).toBe(2);
    expect(await redis.hgetall(key("h"))).toEqual({ name: "Ada", visits: 3 });

    const raw = await post("/", ["HGETALL", key("h")], { "upstash-encoding": "base64" });
    expect(raw.body).toEqual({ result: [b64("name"), b64("Ada"), b64("visits"), b64("3")] });
  });

  it("orders sorted sets and returns their scores", async () => {
    await redis.zadd(key("z"), { score: 2.5, member: "b" }, { score: 1, member: "a" });
    expect(await redis.zrange(key("z"), 0, -1)).toEqual(["a", "b"]);
    expect(await redis.zrange(key("z"), 0, -1, { withScores: true })).toEqual(["a", 1, "b", 2.5]);
    expect(await redis.zscore(key("z"), "b")).toBe(2.5);
  });

  it("keeps unicode and binary values byte for byte", async () => {
    const text = "héllo wörld 🌍 日本語 \u0000 \"quoted\" \n";
    await redis.set(key("unicode:ключ"), text);
    expect(await redis.get(key("unicode:ключ"))).toBe(text);
    expect(await bridge.direct.getBuffer(key("unicode:ключ"))).toEqual(Buffer.from(text));

    // Bytes that are not UTF-8 cannot survive the client's TextDecoder, but the bridge must hand them over intact.
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a]);
    await bridge.direct.set(key("binary"), bytes);
    const raw = await post("/", ["GET", key("binary")], { "upstash-encoding": "base64" });
    expect(raw.body).toEqual({ result: bytes.toString("base64") });
  });

  it("deserializes JSON only when automaticDeserialization is on", async () => {
    await redis.set(key("json"), { plan: "pro", seats: 5 });
    await redis.set(key("num"), 123);
    expect(await redis.get(key("json"))).toEqual({ plan: "pro", seats: 5 });
    expect(await redis.get(key("num"))).toBe(123);

    const plain = client({ automaticDeserialization: false });
    expect(await plain.get(key("json"))).toBe('{"plan":"pro","seats":5}');
    expect(await plain.get(key("num"))).toBe("123");
    expect(await plain.hset(key("h"), { a: "1" })).toBe(1);
    // Turning HGETALL's flat array into an object is part of that deserialization.
    expect(await plain.hgetall(key("h"))).toEqual(["a", "1"]);
  });

  it("runs a pipeline in order and reports a failing command without failing the rest", async () => {
    const results = await redis
      .pipeline()
      .set(key("p"), "1")
      .incr(key("p"))
      .get(key("p"))
      .hset(key("p"), { x: 1 })
      .ping()
      .exec({ keepErrors: true });
    expect(results.map((r) => r.result)).toEqual(["OK", 2, 2, undefined, "PONG"]);
    expect(results[3]?.error).toMatch(/^WRONGTYPE/);
    expect(await redis.get(key("p"))).toBe(2);
  });

  it("runs multi-exec atomically", async () => {
    expect(await redis.multi().set(key("m"), "a").append(key("m"), "b").get(key("m")).exec()).toEqual(["OK", 2, "ab"]);

    // A command Redis refuses while queueing aborts the whole transaction: the SET before it never happens.
    const aborted = await post("/multi-exec", [["SET", key("never"), "x"], ["SET", key("never")]]);
    expect(aborted.status).toBe(400);
    expect(aborted.body).toEqual({ error: expect.stringMatching(/wrong number of arguments/) as unknown });
    expect(await bridge.direct.exists(key("never"))).toBe(0);

    // Concurrent writers bump two counters together; readers in their own transactions never see them differ.
    const writes = Array.from({ length: 30 }, () => redis.multi().incr(key("x")).incr(key("y")).exec());
    const reads = Array.from({ length: 30 }, () => redis.multi().get(key("x")).get(key("y")).exec());
    const observed = await Promise.all(reads);
    await Promise.all(writes);
    for (const [x, y] of observed) expect(x).toBe(y);
    expect(await redis.mget(key("x"), key("y"))).toEqual([30, 30]);
  });

  it("batches concurrent commands through auto-pipelining", async () => {
    // Count what actually goes over the wire.
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => redis.set(key(`auto:${i}`), i)));
    expect(results).toEqual(Array.from({ length: 50 }, () => "OK"));
    const values = await Promise.all(Array.from({ length: 50 }, (_, i) => redis.get(key(`auto:${i}`))));
    expect(values).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // Two /pipeline round trips (one for the writes, one for the reads), not a hundred requests.
    const paths = fetchSpy.mock.calls.map(([input]) => new URL(input instanceof Request ? input.url : input).pathname);
    fetchSpy.mockRestore();
    expect(paths).toEqual(["/pipeline", "/pipeline"]);
  });

  it("refuses a wrong or missing token on every path", async () => {
    await expect(client({ token: "wrong" }).get(key("x"))).rejects.toThrow(/WRONGPASS/);
    await expect(client({ token: "wrong" }).multi().get(key("x")).exec()).rejects.toThrow(/WRONGPASS/);
    for (const path of ["/", "/pipeline", "/multi-exec", "/get/foo"]) {
      const res = await fetch(`${bridge.url}${path}`, { method: "POST", body: JSON.stringify([["GET", "foo"]]) });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "WRONGPASS invalid or missing auth token" });
    }
  });

  it("speaks the Upstash wire format", async () => {
    const encoding = { "upstash-encoding": "base64" };
    expect(await post("/", ["PING"], encoding)).toEqual({ status: 200, body: { result: b64("PONG") } });
    expect(await post("/", ["SET", key("w"), "v"], encoding)).toEqual({ status: 200, body: { result: b64("OK") } });
    expect(await post("/", ["INCR", key("n")], encoding)).toEqual({ status: 200, body: { result: 1 } });
    expect(await post("/", ["GET", key("missing")], encoding)).toEqual({ status: 200, body: { result: null } });
    expect(await post("/", ["PING"])).toEqual({ status: 200, body: { result: "PONG" } });
    expect(await post("/", ["INCR", key("w")])).toEqual({ status: 400, body: { error: "ERR value is not an integer or out of range" } });
    expect(await post("/pipeline", [["GET", key("w")], ["INCR", key("w")]], encoding)).toEqual({
      status: 200,
      body: [{ result: b64("v") }, { error: "ERR value is not an integer or out of range" }],
    });

    const get = await fetch(`${bridge.url}/get/${encodeURIComponent(key("w"))}`, { headers: { authorization: `Bearer ${bridge.token}` } });
    expect(await get.json()).toEqual({ result: "v" });
  });

  it("runs eval and evalsha, including scripts with a shebang stock Redis rejects", async () => {
    expect(await redis.eval("return ARGV[1] .. KEYS[1]", [key("k")], ["x:"])).toBe(`x:${key("k")}`);
    const sha = await redis.scriptLoad("return redis.call('incr', KEYS[1])");
    expect(await redis.evalsha(sha, [key("c")], [])).toBe(1);

    const script = "#!lua flags=allow-key-locking\nreturn redis.call('incrby', KEYS[1], ARGV[1])";
    const clientSha = createHash("sha1").update(script).digest("hex");
    // Unknown until loaded, exactly like Upstash: the client's NOSCRIPT fallback relies on this error.
    await expect(redis.evalsha(clientSha, [key("s")], [5])).rejects.toThrow(/NOSCRIPT/);
    expect(await redis.eval(script, [key("s")], [5])).toBe(5);
    expect(await redis.evalsha(clientSha, [key("s")], [5])).toBe(10);
    expect(await redis.scriptLoad(script)).toBe(clientSha);
    expect(await redis.scriptExists(clientSha)).toEqual([1]);

    // The client's Script helper: EVALSHA first, EVAL on NOSCRIPT, EVALSHA again after that.
    const fresh = redis.createScript<number>(`#!lua flags=allow-key-locking\nreturn redis.call('incr', KEYS[1]) -- ${prefix}`);
    expect(await fresh.exec([key("f")], [])).toBe(1);
    expect(await fresh.evalsha([key("f")], [])).toBe(2);
  });
});

describe("@upstash/ratelimit through the bridge", () => {
  const limiters = {
    slidingWindow: Ratelimit.slidingWindow(3, "10 s"),
    fixedWindow: Ratelimit.fixedWindow(3, "10 s"),
    tokenBucket: Ratelimit.tokenBucket(1, "10 s", 3),
  };

  for (const [name, limiter] of Object.entries(limiters)) {
    it(`${name} allows 3 requests per 10 s and refuses the 4th`, async () => {
      const ratelimit = new Ratelimit({ redis, limiter, prefix: key("rl"), analytics: false, ephemeralCache: false });
      const outcomes = [];
      for (let i = 0; i < 4; i++) outcomes.push(await ratelimit.limit("user-1"));
      expect(outcomes.map((o) => [o.success, o.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
        [false, 0],
      ]);
      expect(outcomes[3]?.reset).toBeGreaterThan(Date.now());
      // Another identifier has its own budget.
      expect((await ratelimit.limit("user-2")).success).toBe(true);
      expect(await ratelimit.getRemaining("user-1")).toMatchObject({ remaining: 0 });
    });
  }
});
