// SSRF: which URLs and addresses a webhook may go to, in production (public https only) and with loopback
// allowed (development and tests); refused at save time and again at delivery time, connecting where it checked.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Names only this test can resolve, through the module the check uses: the system resolver (which a second,
// unchecked lookup would go through) knows none of them.
const fakeDns = vi.hoisted(() => new Map<string, Array<{ address: string; family: 4 | 6 }>>());
vi.mock("node:dns/promises", async (original) => {
  const real = await original<typeof import("node:dns/promises")>();
  const lookup = (async (host: string, options: unknown) => {
    const answer = fakeDns.get(host);
    return answer ?? real.lookup(host, options as never);
  }) as typeof real.lookup;
  return { ...real, default: { ...real, lookup }, lookup };
});

const { isAllowedAddress, parseEndpointUrl, resolveEndpoint, UnsafeUrlError } = await import("./url-safety");
const { sendWebhook } = await import("./send-webhook");
const { allowLoopbackUrls } = await import("./config");
const { parseEnv } = await import("@/lib/env");

const production = { allowLoopback: false };
const development = { allowLoopback: true };

describe("addresses", () => {
  const refusedAlways = [
    "10.0.0.1", "172.16.5.4", "192.168.1.1", // private
    "169.254.169.254", "fe80::1", // link-local, including the cloud metadata address
    "100.100.100.200", "192.0.0.192", "fd00:ec2::254", // other metadata services: CGNAT, reserved, unique-local
    "0.0.0.0", "::", "224.0.0.1", "255.255.255.255", "198.18.0.1", // unspecified, multicast, broadcast, benchmarking
    "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:a00:1", // IPv4-mapped private and metadata
    "64:ff9b::a00:1", "2002:a00:1::", "2001::1", // NAT64, 6to4 and Teredo tunnels to private IPv4
  ];
  it.each(refusedAlways)("refuses %s in production and in development", (address) => {
    expect(isAllowedAddress(address, production)).toBe(false);
    expect(isAllowedAddress(address, development)).toBe(false);
  });

  it.each(["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1"])("refuses loopback %s unless loopback is allowed", (address) => {
    expect(isAllowedAddress(address, production)).toBe(false);
    expect(isAllowedAddress(address, development)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])("allows public %s", (address) => {
    expect(isAllowedAddress(address, production)).toBe(true);
  });
});

describe("URLs", () => {
  it("wants https in production; http only where loopback is allowed", () => {
    expect(() => parseEndpointUrl("http://example.com/hook", production)).toThrow("Use an https:// URL.");
    expect(parseEndpointUrl("http://example.com/hook", development).host).toBe("example.com");
    expect(() => parseEndpointUrl("ftp://example.com/", development)).toThrow(UnsafeUrlError);
    expect(() => parseEndpointUrl("not a url", production)).toThrow("Enter a full URL");
    expect(() => parseEndpointUrl("https://user:pass@example.com/", production)).toThrow(/credentials/);
  });

  it.each(["https://127.0.0.1/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://2130706433/", "https://0x7f.1/", "https://169.254.169.254/latest/meta-data/", "https://[::ffff:a9fe:a9fe]/"])(
    "refuses the literal address in %s in production",
    async (url) => {
      await expect(resolveEndpoint(url, production)).rejects.toThrow(UnsafeUrlError);
    },
  );

  it("refuses a name resolving to loopback (localhost) in production", async () => {
    await expect(resolveEndpoint("https://localhost/hook", production)).rejects.toThrow(/loopback/);
  });

  it("refuses a name when any of its addresses is private, even if another is public", async () => {
    fakeDns.set("mixed.test", [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ]);
    await expect(resolveEndpoint("https://mixed.test/", production)).rejects.toThrow(/private/);
    fakeDns.set("public.test", [{ address: "93.184.216.34", family: 4 }]);
    expect((await resolveEndpoint("https://public.test/", production)).target).toEqual({ address: "93.184.216.34", family: 4 });
  });

  it("says so when a host does not resolve", async () => {
    await expect(resolveEndpoint("https://no-such-host.invalid/", production)).rejects.toThrow("could not be found");
  });

  it("allows loopback outside production only, unless the setting says otherwise", () => {
    const settings = (source: Record<string, string>) => {
      const { env } = parseEnv(source);
      return env!;
    };
    expect(allowLoopbackUrls(settings({ NODE_ENV: "production" }))).toBe(false);
    expect(allowLoopbackUrls(settings({ NODE_ENV: "production", UNSAFE_WEBHOOKS_ALLOW_LOOPBACK: "1" }))).toBe(true);
    expect(allowLoopbackUrls(settings({ NODE_ENV: "development" }))).toBe(true);
    expect(allowLoopbackUrls(settings({ NODE_ENV: "test", UNSAFE_WEBHOOKS_ALLOW_LOOPBACK: "0" }))).toBe(false);
    expect(parseEnv({ UNSAFE_WEBHOOKS_ALLOW_LOOPBACK: "yes" }).problems).toEqual(["UNSAFE_WEBHOOKS_ALLOW_LOOPBACK must be 1 or 0"]);
  });
});

describe("delivery", () => {
  let server: http.Server;
  let port: number;
  const hosts: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hosts.push(req.headers.host ?? "");
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("connects to the address it checked, without a second lookup", async () => {
    fakeDns.set("receiver.test", [{ address: "127.0.0.1", family: 4 }]);
    const outcome = await sendWebhook(`http://receiver.test:${port}/hook`, {}, "{}", development);
    expect(outcome).toMatchObject({ ok: true, statusCode: 204, error: null });
    expect(hosts.at(-1)).toBe(`receiver.test:${port}`);
  });

  it("checks again at delivery time: a name that now resolves to a private address is not sent to", async () => {
    fakeDns.set("rebound.test", [{ address: "10.0.0.9", family: 4 }]);
    const before = hosts.length;
    const outcome = await sendWebhook(`https://rebound.test/hook`, {}, "{}", production);
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(outcome.error).toMatch(/^Not sent: .*private/);
    expect(hosts.length).toBe(before);
  });

  it("refuses loopback at delivery time in production", async () => {
    const outcome = await sendWebhook(`http://127.0.0.1:${port}/hook`, {}, "{}", production);
    expect(outcome.error).toBe("Not sent: Use an https:// URL.");
  });

  it("gives up after the timeout and reports it", async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const outcome = await sendWebhook(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, {}, "{}", development, 200);
    silent.closeAllConnections();
    silent.close();
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: "No answer within 0.2 s." });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(190);
  });
});
