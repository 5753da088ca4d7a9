import type { PGlite } from "@electric-sql/pglite";
import net from "node:net";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

/**
 * Serves one PGlite over the Postgres wire protocol to many client connections.
 *
 * PGlite is a single backend, so the connections must take turns. pglite-socket takes turns per message, which
 * lets two clients' extended-protocol messages interleave outside a transaction ("unnamed prepared statement does
 * not exist" under a pool). Here a connection holds the backend from the first message of a batch up to its Sync
 * (or simple Query), across any Flush in between, and on past it for as long as a transaction stays open.
 */
export function serveWireProtocol(pglite: PGlite, options: { host: string; port: number }): Promise<{ port: number; close: () => Promise<void> }> {
  let owner: net.Socket | undefined;
  const waiting: Array<() => void> = [];
  const sockets = new Set<net.Socket>();

  const acquire = (socket: net.Socket) =>
    owner === socket
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const take = () => {
            owner = socket;
            resolve();
          };
          if (!owner) take();
          else waiting.push(take);
        });
  const release = () => {
    owner = undefined;
    waiting.shift()?.();
  };

  const handle = (socket: net.Socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let batch: Buffer[] = [];
    let chain = Promise.resolve();

    const run = async (messages: Buffer[], ended: boolean) => {
      await acquire(socket);
      for (const message of messages) {
        await pglite.runExclusive(() =>
          pglite.execProtocolRawStream(new Uint8Array(message), {
            onRawData: (data) => {
              if (socket.writable) socket.write(data);
            },
          }),
        );
      }
      if (ended && !pglite.isInTransaction()) release();
    };

    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const packet = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) socket.write("N");
          else if (code === CANCEL_REQUEST) socket.end();
          else {
            started = true;
            chain = chain.then(() => run([packet], true));
          }
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const type = String.fromCharCode(buffer[0]!);
        batch.push(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (type === "X") {
          socket.end();
          return;
        }
        // Sync ends an extended-protocol batch and a simple Query is a batch of its own. A Flush asks for the
        // output so far (postgres.js describes a statement before binding it) but the batch goes on.
        if (type === "S" || type === "Q" || type === "H") {
          const messages = batch;
          batch = [];
          chain = chain.then(() => run(messages, type !== "H")).catch(() => void socket.destroy());
        }
      }
    });

    socket.on("close", () => {
      sockets.delete(socket);
      // A client that vanished mid-transaction must not keep the backend, or its half-done work.
      void chain.finally(async () => {
        if (owner !== socket) return;
        if (pglite.isInTransaction()) await pglite.exec("rollback").catch(() => {});
        release();
      });
    });
    socket.on("error", () => socket.destroy());
  };

  const server = net.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
