import { createServer as createHttpServer, type IncomingHttpHeaders } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server } from "node:net";

// Test code only: the smallest servers that let the real nodemailer and the real Resend SDK do a real exchange
// over a socket, so their tests prove more than a mock would.

/** A message as an SMTP server received it: the envelope and the raw DATA section. */
export type ReceivedMail = { from: string; to: string[]; data: string };

/** A running test server and how to stop it. */
export type TestServer<T> = { url: string; received: T[]; close: () => Promise<void> };

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

/**
 * A plain-text SMTP server speaking just enough RFC 5321 for one client: EHLO, MAIL, RCPT, DATA, RSET, QUIT.
 * `rejectRecipients` answers RCPT with a 550, as a server does for an unknown mailbox.
 */
export async function startSmtpServer(options: { rejectRecipients?: boolean } = {}): Promise<TestServer<ReceivedMail>> {
  const received: ReceivedMail[] = [];
  const server = createTcpServer((socket) => {
    socket.setEncoding("utf8");
    const reply = (...lines: string[]) => socket.write(lines.map((line) => `${line}\r\n`).join(""));
    let buffer = "";
    let inData = false;
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    reply("220 smtp.test ESMTP ready");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          received.push({ ...mail, data: buffer.slice(0, end) });
          mail = { from: "", to: [], data: "" };
          buffer = buffer.slice(end + 5);
          inData = false;
          reply("250 2.0.0 Ok: queued as TEST1");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        const address = /<([^>]*)>/.exec(line)?.[1] ?? "";
        if (verb === "EHLO") reply("250-smtp.test", "250-8BITMIME", "250 SIZE 10485760");
        else if (verb === "HELO" || verb === "RSET" || verb === "NOOP") reply("250 Ok");
        else if (verb === "MAIL") {
          mail.from = address;
          reply("250 2.1.0 Ok");
        } else if (verb === "RCPT") {
          if (options.rejectRecipients) reply(`550 5.1.1 <${address}>: Recipient address rejected`);
          else {
            mail.to.push(address);
            reply("250 2.1.5 Ok");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 2.0.0 Bye");
          socket.end();
        } else reply("502 5.5.2 Command not recognized");
      }
    });
  });
  const port = await listen(server);
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => close(server) };
}

/** A request as an HTTP stub received it. */
export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

/** An HTTP server answering every request with `respond(request)`: stands in for an API the tests can't reach. */
export async function startHttpStub(
  respond: (request: ReceivedRequest) => { status: number; body: string },
): Promise<TestServer<ReceivedRequest>> {
  const received: ReceivedRequest[] = [];
  const server = createHttpServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      received.push(request);
      const { status, body: answer } = respond(request);
      res.writeHead(status, { "content-type": "application/json" }).end(answer);
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, received, close: () => close(server) };
}

/** A local port nothing listens on, for "server unreachable" tests. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await close(server);
  return port;
}

/** Undoes quoted-printable encoding, so a test can look for a link in a raw MIME message. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
