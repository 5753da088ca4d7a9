import net from "node:net";

/** What crossed the wire between a client and Postgres. */
export type WireCounts = {
  /** Client writes that follow an answer (or open a connection): each one waits a full trip for its own answer. */
  roundTrips: number;
  /** Statements run: extended-protocol executes, plus each statement of a simple-protocol query. */
  statements: number;
  /** Parse messages: statements the server had to parse (a warm prepared statement needs none). */
  parses: number;
};

/** A TCP proxy in front of Postgres that counts round trips and statements, for tests and `bench:tenant`. */
export type WireCounter = { url: string; counts: () => WireCounts; reset: () => void; close: () => Promise<void> };

/**
 * Listens on a free loopback port and forwards every connection to the server of `targetUrl`; `url` is `targetUrl`
 * pointed at the proxy. Counts only what the client sends after the startup packet (no TLS: loopback only).
 */
export async function startWireCounter(targetUrl: string): Promise<WireCounter> {
  const target = new URL(targetUrl);
  let counts: WireCounts = { roundTrips: 0, statements: 0, parses: 0 };
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let answered = true; // the client's first write starts a round trip
    let pending = Buffer.alloc(0);
    let started = false;
    client.on("data", (chunk) => {
      if (answered) counts.roundTrips++;
      answered = false;
      pending = Buffer.concat([pending, chunk]);
      // Typed messages: one byte of type, then a length that counts itself. The startup packet has no type byte.
      for (;;) {
        if (!started) {
          if (pending.length < 4) break;
          const length = pending.readUInt32BE(0);
          if (pending.length < length) break;
          pending = pending.subarray(length);
          started = true;
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readUInt32BE(1) + 1;
        if (pending.length < length) break;
        const type = String.fromCharCode(pending[0]!);
        if (type === "E") counts.statements++;
        if (type === "P") counts.parses++;
        if (type === "Q") counts.statements += pending.subarray(5, length - 1).toString("utf8").split(";").filter((s) => s.trim()).length;
        pending = pending.subarray(length);
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      answered = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    counts: () => ({ ...counts }),
    reset: () => {
      counts = { roundTrips: 0, statements: 0, parses: 0 };
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
